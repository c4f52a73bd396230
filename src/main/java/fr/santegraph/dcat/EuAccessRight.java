package fr.santegraph.dcat;

import fr.santegraph.catalogue.AccessLevel;
import org.springframework.lang.Nullable;

/**
 * The EU access-right authority table (dct:accessRights): what a published access level says about who may get the
 * data. Three rights for the catalogue's four levels: on request and restricted both need a step before access.
 */
public enum EuAccessRight {
    /** Open to anyone (open data, free download). */
    PUBLIC("Public"),
    /** Available under conditions (authorisation, agreement, fee, registration). */
    RESTRICTED("Restreint"),
    /** Not published (internal use, confidential). */
    NON_PUBLIC("Non public");

    private final String labelFr;

    EuAccessRight(String labelFr) {
        this.labelFr = labelFr;
    }

    public String labelFr() {
        return labelFr;
    }

    /** The right a catalogue access level gives; null for null. */
    public static @Nullable EuAccessRight of(@Nullable AccessLevel level) {
        if (level == null) {
            return null;
        }
        return switch (level) {
            case OPEN -> PUBLIC;
            case ON_REQUEST, RESTRICTED -> RESTRICTED;
            case CLOSED -> NON_PUBLIC;
        };
    }
}
