package fr.santegraph.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Bearer tokens signed like an identity provider would, with the test secret of application-test.yml. */
public final class TestTokens {

    public static final String SECRET = "test-secret-of-at-least-thirty-two-bytes!!";
    public static final String ISSUER = "https://auth.test.santegraph";

    private TestTokens() {
    }

    public static String token(String subject, List<String> roles) {
        return sign(SECRET, ISSUER, subject, roles, Instant.now().plusSeconds(600));
    }

    /** {@code expiry} null: a token that never expires. */
    public static String sign(String secret, String issuer, String subject, List<String> roles, Instant expiry) {
        try {
            var claims = new JWTClaimsSet.Builder().subject(subject).issuer(issuer).claim("roles", roles)
                    .issueTime(new Date()).expirationTime(expiry == null ? null : Date.from(expiry)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
