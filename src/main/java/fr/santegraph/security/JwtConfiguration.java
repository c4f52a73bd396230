package fr.santegraph.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.util.StringUtils;

/**
 * Which bearer tokens are accepted, the same for both kinds of key: HS256 with {@code santegraph.security.jwt-secret},
 * or RS256 with Spring Boot's {@code spring.security.oauth2.resourceserver.jwt.public-key-location}. Whatever decoder
 * reads them, a token must carry an expiry ({@code exp}, and be within it), the configured issuer and the configured
 * audience: a token without {@code exp} never expires, and one minted for another service must not open this one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class JwtConfiguration {

    /** HMAC-signed tokens when {@code santegraph.security.jwt-secret} is set. */
    @Bean
    @ConditionalOnProperty(prefix = "santegraph.security", name = "jwt-secret")
    JwtDecoder hmacJwtDecoder(SecurityProperties properties) {
        byte[] secret = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new IllegalStateException("santegraph.security.jwt-secret must be at least 32 bytes for HS256");
        }
        return NimbusJwtDecoder.withSecretKey(new SecretKeySpec(secret, "HmacSHA256"))
                .macAlgorithm(MacAlgorithm.HS256).build();
    }

    /**
     * Puts the same checks on every decoder, Spring Boot's RS256 one included (which would otherwise check only the
     * timestamps a token happens to carry). The issuer and audience fall back to Spring Boot's own properties.
     */
    @Bean
    static BeanPostProcessor jwtValidation(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof NimbusJwtDecoder decoder) {
                    String issuer = first(environment, "santegraph.security.jwt-issuer",
                            "spring.security.oauth2.resourceserver.jwt.issuer-uri");
                    String audience = first(environment, "santegraph.security.jwt-audience",
                            "spring.security.oauth2.resourceserver.jwt.audiences");
                    decoder.setJwtValidator(validator(issuer, audience));
                }
                return bean;
            }
        };
    }

    private static String first(Environment environment, String... names) {
        for (String name : names) {
            String value = environment.getProperty(name);
            if (StringUtils.hasText(value)) {
                return value;
            }
        }
        return "";
    }

    /**
     * An unexpired token with an {@code exp}; with {@code issuer} set, exactly that {@code iss}; with {@code audience}
     * set (comma-separated), an {@code aud} naming one of them.
     */
    static OAuth2TokenValidator<Jwt> validator(String issuer, String audience) {
        List<OAuth2TokenValidator<Jwt>> checks = new ArrayList<>();
        checks.add(new JwtTimestampValidator());
        checks.add(new JwtClaimValidator<Instant>(JwtClaimNames.EXP, expiry -> expiry != null));
        if (StringUtils.hasText(issuer)) {
            checks.add(new JwtIssuerValidator(issuer));
        }
        if (StringUtils.hasText(audience)) {
            List<String> accepted = List.of(StringUtils.tokenizeToStringArray(audience, ","));
            checks.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                    aud -> aud != null && aud.stream().anyMatch(accepted::contains)));
        }
        return new DelegatingOAuth2TokenValidator<>(checks);
    }
}
