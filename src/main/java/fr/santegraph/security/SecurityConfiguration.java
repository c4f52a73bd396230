package fr.santegraph.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Reading is public; credentials only add roles. Every request is let through the filter chain, and GraphQL
 * operations that need a role check it themselves ({@code @PreAuthorize}), so a refusal is a GraphQL error
 * (UNAUTHORIZED for anonymous callers, FORBIDDEN for callers without the role), never a half-served page.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // `import` runs without a web server
public class SecurityConfiguration {

    /**
     * No Micrometer observation per security filter, authentication and authorization: on a request answered from
     * the result cache they were a tenth of the CPU (tags built and meters looked up a dozen times per request).
     * {@code http.server.requests} still times every request.
     */
    @Bean
    SecurityObservationSettings noSecurityFilterObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityFilterChain filterChain(HttpSecurity http, SecurityProperties properties,
                                    ObjectProvider<JwtDecoder> jwtDecoder) throws Exception {
        var entryPoint = new GraphQlAuthenticationEntryPoint();
        http.csrf(csrf -> csrf.disable()) // no cookies or sessions: nothing for CSRF to ride on
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Metrics tell an attacker what runs and how hard it works: ADMIN only, like health's details.
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to("metrics")).hasRole(Role.ADMIN.name())
                        .anyRequest().permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint))
                .addFilterBefore(new ApiKeyAuthenticationFilter(properties.apiKeys()), BearerTokenAuthenticationFilter.class);
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(server -> server
                    .authenticationEntryPoint(entryPoint)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesConverter(properties.rolesClaim()))));
        }
        return http.build();
    }

    static Converter<Jwt, AbstractAuthenticationToken> rolesConverter(String claim) {
        return jwt -> {
            Collection<GrantedAuthority> authorities = roles(jwt.getClaim(claim)).stream()
                    .filter(role -> Arrays.stream(Role.values()).anyMatch(known -> known.name().equals(role)))
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
        };
    }

    private static List<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        return claim instanceof String text ? List.of(text.split("[ ,]+")) : List.of();
    }
}
