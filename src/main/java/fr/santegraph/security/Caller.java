package fr.santegraph.security;

import org.springframework.security.core.Authentication;
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

    /** Institutional callers see exact small counts. */
    public static boolean seesSmallCounts() {
        return has(Role.INSTITUTION);
    }
}
