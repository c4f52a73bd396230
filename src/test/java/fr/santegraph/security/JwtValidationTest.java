package fr.santegraph.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.security.oauth2.resource.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.web.DefaultSecurityFilterChain;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/** Both key kinds check expiry, issuer and audience: the RS256 decoder Spring Boot builds included. */
class JwtValidationTest {

    private static KeyPair keys;
    @TempDir
    static Path dir;
    private static Path publicKey;

    @EnableConfigurationProperties(SecurityProperties.class)
    static class Properties {
    }

    @BeforeAll
    static void rsaKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        publicKey = dir.resolve("public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(keys.getPublic().getEncoded()) + "\n-----END PUBLIC KEY-----\n");
    }

    private final WebApplicationContextRunner rsa = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(OAuth2ResourceServerAutoConfiguration.class))
            .withUserConfiguration(Properties.class, JwtConfiguration.class)
            // The service's own filter chain stands in for Spring Boot's default one, which would need HttpSecurity.
            .withBean(SecurityFilterChain.class, () -> new DefaultSecurityFilterChain(AnyRequestMatcher.INSTANCE))
            .withPropertyValues("spring.security.oauth2.resourceserver.jwt.public-key-location=file:" + dir.resolve("public.pem"),
                    "santegraph.security.jwt-issuer=https://auth.example", "santegraph.security.jwt-audience=santegraph");

    private static String rs256(String issuer, List<String> audience, Instant expiry) throws Exception {
        var claims = new JWTClaimsSet.Builder().subject("someone").issuer(issuer).audience(audience)
                .claim("roles", List.of("ADMIN")).issueTime(new Date());
        if (expiry != null) {
            claims.expirationTime(Date.from(expiry));
        }
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
        jwt.sign(new RSASSASigner(keys.getPrivate()));
        return jwt.serialize();
    }

    @Test
    void anRs256TokenWithTheIssuerAudienceAndExpiryIsAccepted() {
        rsa.run(context -> assertThat(context.getBean(JwtDecoder.class)
                .decode(rs256("https://auth.example", List.of("santegraph"), Instant.now().plusSeconds(60)))
                .getSubject()).isEqualTo("someone"));
    }

    @Test
    void anRs256TokenFromAnotherIssuerIsRefused() {
        rsa.run(context -> assertThatThrownBy(() -> context.getBean(JwtDecoder.class)
                .decode(rs256("https://evil.example", List.of("santegraph"), Instant.now().plusSeconds(60))))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("iss"));
    }

    @Test
    void anRs256TokenWithoutAnIssuerIsRefused() {
        rsa.run(context -> assertThatThrownBy(() -> context.getBean(JwtDecoder.class)
                .decode(rs256(null, List.of("santegraph"), Instant.now().plusSeconds(60))))
                .isInstanceOf(JwtValidationException.class));
    }

    @Test
    void aTokenForAnotherAudienceOrForNoneIsRefused() {
        rsa.run(context -> {
            JwtDecoder decoder = context.getBean(JwtDecoder.class);
            assertThatThrownBy(() -> decoder.decode(rs256("https://auth.example", List.of("other-service"),
                    Instant.now().plusSeconds(60)))).isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
            assertThatThrownBy(() -> decoder.decode(rs256("https://auth.example", List.of(),
                    Instant.now().plusSeconds(60)))).isInstanceOf(JwtValidationException.class);
        });
    }

    @Test
    void aTokenThatNeverExpiresIsRefused() {
        rsa.run(context -> assertThatThrownBy(() -> context.getBean(JwtDecoder.class)
                .decode(rs256("https://auth.example", List.of("santegraph"), null)))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("exp"));
    }

    @Test
    void anHs256TokenThatNeverExpiresIsRefusedToo() {
        new WebApplicationContextRunner()
                .withUserConfiguration(Properties.class, JwtConfiguration.class)
                .withPropertyValues("santegraph.security.jwt-secret=" + TestTokens.SECRET,
                        "santegraph.security.jwt-issuer=" + TestTokens.ISSUER)
                .run(context -> {
                    JwtDecoder decoder = context.getBean(JwtDecoder.class);
                    assertThat(decoder.decode(TestTokens.token("ok", List.of("ADMIN"))).getSubject()).isEqualTo("ok");
                    assertThatThrownBy(() -> decoder.decode(TestTokens.sign(TestTokens.SECRET, TestTokens.ISSUER, "x",
                            List.of("ADMIN"), null))).isInstanceOf(JwtValidationException.class);
                    assertThatThrownBy(() -> decoder.decode(TestTokens.sign(TestTokens.SECRET, "https://evil", "x",
                            List.of("ADMIN"), Instant.now().plusSeconds(60)))).isInstanceOf(JwtValidationException.class);
                });
    }
}
