package fr.santegraph.security;

/** What a caller may do beyond anonymous, public reading. */
public enum Role {
    /** Sees exact counts below the small-count threshold (ministry, ARS, establishments). */
    INSTITUTION,
    /** Creates and corrects catalogue entries, reads suggestions. */
    EDITOR,
    /** Starts imports through the API. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
