package fr.santegraph.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may present what. Anonymous reading needs none of it.
 *
 * @param jwtSecret  HMAC-SHA256 key (at least 32 bytes) verifying bearer tokens; empty disables HMAC tokens (an RSA
 *                   public key can be given instead with {@code spring.security.oauth2.resourceserver.jwt.public-key-location})
 * @param jwtIssuer  when set, tokens must carry this {@code iss} (both key kinds)
 * @param jwtAudience when set (comma-separated), a token's {@code aud} must name one of these (both key kinds)
 * @param rolesClaim the claim listing a token's roles, e.g. {@code "roles": ["INSTITUTION"]}
 * @param apiKeys    keys for scripts, sent as {@code X-API-Key}
 */
@ConfigurationProperties("santegraph.security")
public record SecurityProperties(
        @DefaultValue("") String jwtSecret,
        @DefaultValue("") String jwtIssuer,
        @DefaultValue("") String jwtAudience,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue List<ApiKey> apiKeys) {

    /** A named key and the roles it grants. */
    public record ApiKey(String name, String key, Set<Role> roles) {
    }
}
