package fr.santegraph.dcat;

import fr.santegraph.common.TextFolding;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The region a published coverage names ("REGION RHONE-ALPES", "DEPARTEMENTS DE LA REGION PACA"): the DREES index
 * states regional availability in words, with the regions of before 2016 as often as today's. Names of both, folded,
 * to today's INSEE region code; anything else ("TOUTES LES REGIONS", "NON DISPONIBLE") names none.
 */
final class PublishedCoverage {

    /** Folded names, longest first where one contains another ("basse normandie" before "normandie"). */
    private static final Map<String, String> REGIONS = new LinkedHashMap<>();

    static {
        region("11", "ile de france", "idf");
        region("24", "centre val de loire", "centre");
        region("27", "bourgogne franche comte", "bourgogne", "franche comte");
        region("28", "basse normandie", "haute normandie", "normandie");
        region("32", "nord pas de calais picardie", "hauts de france", "nord pas de calais", "picardie");
        region("44", "champagne ardenne", "grand est", "alsace", "lorraine");
        region("52", "pays de la loire");
        region("53", "bretagne");
        region("75", "nouvelle aquitaine", "poitou charentes", "aquitaine", "limousin");
        region("76", "languedoc roussillon", "midi pyrenees", "occitanie");
        region("84", "auvergne rhone alpes", "rhone alpes", "auvergne");
        region("93", "provence alpes cote d azur", "paca");
        region("94", "corse");
        region("01", "guadeloupe");
        region("02", "martinique");
        region("03", "guyane");
        region("04", "la reunion", "reunion");
        region("06", "mayotte");
    }

    private PublishedCoverage() {
    }

    private static void region(String code, String... names) {
        for (String name : names) {
            REGIONS.put(name, code);
        }
    }

    /** Whether the coverage is every region or département ("TOUTES LES REGIONS", "TOUS LES DEPARTEMENTS (…)"). */
    static boolean everywhere(String coverage) {
        if (coverage == null) {
            return false;
        }
        String folded = TextFolding.fold(coverage);
        return folded.startsWith("toutes les regions") || folded.startsWith("tous les departements")
                || folded.startsWith("regions metropolitaines et drom");
    }

    /** Today's code of the one region the coverage is restricted to, if it names one. */
    static Optional<String> region(String coverage) {
        if (coverage == null) {
            return Optional.empty();
        }
        String folded = " " + TextFolding.fold(coverage).replaceAll("[^a-z0-9]+", " ").strip() + " ";
        int at = folded.indexOf(" region ");
        if (at < 0 || folded.contains(" regions ") || folded.contains(" toutes ")) {
            return Optional.empty();
        }
        String after = folded.substring(at + " region ".length());
        for (var region : REGIONS.entrySet()) {
            if ((" " + after).startsWith(" " + region.getKey() + " ")) {
                return Optional.of(region.getValue());
            }
        }
        return Optional.empty();
    }
}
