package fr.santegraph.catalogue;

import fr.santegraph.common.TextFolding;

/** What kind of organisation a producer is. */
public enum ProducerKind {
    MINISTRY_DIRECTORATE, NATIONAL_AGENCY, HEALTH_INSURANCE, ARS, ORS, RESEARCH_INSTITUTE, STATISTICS_INSTITUTE,
    OBSERVATORY, HOSPITAL, PROFESSIONAL_BODY, PRIVATE_COMPANY, INTERNATIONAL, OTHER;

    /** A best guess from the name, for producers that the alias file does not describe. */
    static ProducerKind guess(String name) {
        String f = " " + TextFolding.fold(name) + " ";
        if (f.contains(" direction ") || f.contains(" ministere ")) {
            return MINISTRY_DIRECTORATE;
        }
        if (f.contains(" caisse ") || f.contains(" mutualite ") || f.contains(" regime ")) {
            return HEALTH_INSURANCE;
        }
        if (f.contains(" agence regionale ")) {
            return ARS;
        }
        if (f.contains(" observatoire regional ")) {
            return ORS;
        }
        if (f.contains(" observatoire ")) {
            return OBSERVATORY;
        }
        if (f.contains(" agence ") || f.contains(" haute autorite ") || f.contains(" etablissement francais ")) {
            return NATIONAL_AGENCY;
        }
        if (f.contains(" institut ") || f.contains(" inserm ") || f.contains(" registre") || f.contains(" universit")) {
            return RESEARCH_INSTITUTE;
        }
        if (f.contains(" chu ") || f.contains(" hospit") || f.contains(" chru ")) {
            return HOSPITAL;
        }
        if (f.contains(" ordre ") || f.contains(" federation ")) {
            return PROFESSIONAL_BODY;
        }
        if (f.contains(" oms ") || f.contains(" eurostat ") || f.contains(" ocde ")) {
            return INTERNATIONAL;
        }
        return OTHER;
    }
}
