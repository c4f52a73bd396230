package fr.santegraph.security;

import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** What the current caller may see; read where the request's security context is in scope. */
public final class Caller {

    private Caller() {
    }

    public static boolean has(Role role) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(role.authority()));
    }

    /**
     * The caller's authorities, sorted: everything a query's answer may depend on about who asks (answers
     * kept for one caller are served to callers with the same authorities).
     */
    public static List<String> authorities() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            return List.of();
        }
        return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
    }

    /** Institutional callers see exact small counts. */
    public static boolean seesSmallCounts() {
        return has(Role.INSTITUTION);
    }
}
