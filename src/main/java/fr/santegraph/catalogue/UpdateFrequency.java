package fr.santegraph.catalogue;

import fr.santegraph.common.TextFolding;
import org.springframework.lang.Nullable;

/**
 * Update frequency normalised from the published wording (kept beside it), named after the EU frequency
 * vocabulary (http://publications.europa.eu/resource/authority/frequency/…) so the DCAT export maps one to one.
 */
public enum UpdateFrequency {
    CONTINUOUS, WEEKLY, MONTHLY, QUARTERLY, ANNUAL, BIENNIAL, TRIENNIAL, QUADRENNIAL, IRREGULAR, OTHER, UNKNOWN;

    /** Null for an empty wording; UNKNOWN for a wording that says nothing ("EN COURS"); OTHER for "tous les 7 ans". */
    public static @Nullable UpdateFrequency fromPublished(String wording) {
        String f = TextFolding.fold(wording);
        if (f == null || f.isEmpty()) {
            return null;
        }
        if (f.contains("continu") || f.contains("temps reel")) {
            return CONTINUOUS;
        }
        if (f.contains("hebdo")) {
            return WEEKLY;
        }
        if (f.contains("mensuel")) {
            return MONTHLY;
        }
        if (f.contains("trimestri")) {
            return QUARTERLY;
        }
        if (f.contains("annuel") && !f.contains("pluri")) {
            return ANNUAL;
        }
        if (f.contains("tous les 2 ans") || f.contains("biennal")) {
            return BIENNIAL;
        }
        if (f.contains("tous les 3 ans")) {
            return TRIENNIAL;
        }
        if (f.contains("tous les 4 ans")) {
            return QUADRENNIAL;
        }
        if (f.contains("ponctuel") || f.contains("aleatoire") || f.contains("irregul")) {
            return IRREGULAR;
        }
        if (f.contains("tous les")) {
            return OTHER;
        }
        return UNKNOWN;
    }
}
