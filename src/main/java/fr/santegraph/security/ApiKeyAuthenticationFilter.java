package fr.santegraph.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** Authenticates scripts by an {@code X-API-Key} header from configuration; an unknown key is refused outright. */
public class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final List<SecurityProperties.ApiKey> keys;

    public ApiKeyAuthenticationFilter(List<SecurityProperties.ApiKey> keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (presented == null) {
            chain.doFilter(request, response);
            return;
        }
        SecurityProperties.ApiKey key = keys.stream().filter(candidate -> sameKey(candidate.key(), presented))
                .findFirst().orElse(null);
        if (key == null) {
            GraphQlAuthenticationEntryPoint.writeUnauthorized(response, "unknown API key");
            return;
        }
        var authorities = key.roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList();
        var authentication = UsernamePasswordAuthenticationToken.authenticated("api-key:" + key.name(), null, authorities);
        SecurityContextHolder.getContext().setAuthentication(authentication);
        chain.doFilter(request, response);
    }

    /** Constant-time comparison: the time taken must not tell how much of a guessed key was right. */
    private static boolean sameKey(String expected, String presented) {
        return expected != null && !expected.isEmpty() && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
