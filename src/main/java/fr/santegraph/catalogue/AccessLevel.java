package fr.santegraph.catalogue;

import fr.santegraph.common.TextFolding;
import java.util.Optional;
import org.springframework.lang.Nullable;

/**
 * How open data is, normalised from the wording each source publishes (which is kept beside it):
 * OPEN to anyone, ON_REQUEST (granted on a simple request), RESTRICTED (to some categories of users, after
 * authorisation), CLOSED (not accessible). Ordered from most to least open.
 */
public enum AccessLevel {
    OPEN, ON_REQUEST, RESTRICTED, CLOSED;

    /** Etalab 2014 ("Accès à tous", "Accès restreint", "Accès fermé"), DREES ("PUBLIC", "PRIVE", "RESTREINT"). */
    public static Optional<AccessLevel> fromPublished(String wording) {
        String folded = TextFolding.fold(wording);
        if (folded == null || folded.isEmpty()) {
            return Optional.empty();
        }
        if (folded.startsWith("acces a tous") || folded.equals("public") || folded.equals("open") || folded.equals("ouvert")) {
            return Optional.of(OPEN);
        }
        if (folded.contains("sur demande") || folded.equals("on request")) {
            return Optional.of(ON_REQUEST);
        }
        // DREES "PRIVE" bases (DIAMANT) are open to ARS staff only: restricted, not closed.
        if (folded.contains("restreint") || folded.equals("prive") || folded.equals("restricted")) {
            return Optional.of(RESTRICTED);
        }
        if (folded.contains("ferme") || folded.equals("closed")) {
            return Optional.of(CLOSED);
        }
        return Optional.empty();
    }

    /** The most open of two levels (either may be null). */
    public static @Nullable AccessLevel mostOpen(@Nullable AccessLevel a, @Nullable AccessLevel b) {
        if (a == null) {
            return b;
        }
        return b == null || a.ordinal() <= b.ordinal() ? a : b;
    }
}
