package fr.santegraph.density;

import java.util.Map;

/**
 * One density indicator: practitioners of a profession, or with a savoir-faire (specialty), per 100,000
 * inhabitants. Its code is built from the directory's code, so a front-end can name it without a lookup:
 * {@code rpps-density-profession-10} (médecins), {@code rpps-density-specialty-SM54} (médecine générale).
 */
record DensityIndicator(String code, String name) {

    static final String PREFIX = "rpps-density-";
    private static final String PROFESSION = PREFIX + "profession-";
    private static final String SPECIALTY = PREFIX + "specialty-";

    static String forProfession(String professionCode) {
        return PROFESSION + professionCode;
    }

    static String forSpecialty(String specialtyCode) {
        return SPECIALTY + specialtyCode;
    }

    /** The indicator of a code {@link DensityTally} counted, named after the directory's label (the code without one). */
    static DensityIndicator of(String code, Map<String, String> professionNames,
                               Map<String, String> specialtyNames) {
        if (code.startsWith(PROFESSION)) {
            String profession = code.substring(PROFESSION.length());
            return new DensityIndicator(code, "Densité de professionnels de santé — "
                    + professionNames.getOrDefault(profession, profession) + " (pour 100 000 habitants)");
        }
        String specialty = code.substring(SPECIALTY.length());
        return new DensityIndicator(code, "Densité de professionnels de santé — savoir-faire "
                + specialtyNames.getOrDefault(specialty, specialty) + " (pour 100 000 habitants)");
    }

    String id() {
        return "indicator:" + code;
    }
}
