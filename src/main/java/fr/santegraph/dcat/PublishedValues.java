package fr.santegraph.dcat;

import fr.santegraph.common.TextFolding;
import fr.santegraph.dcat.DcatRecords.Period;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The values the catalogue sources publish (DREES indicator index 2019, Etalab 2014 map), read into the EU
 * vocabularies DCAT-AP expects. Unknown or empty values give nothing rather than a guess.
 */
public final class PublishedValues {

    private static final Pattern YEAR = Pattern.compile("\\b(19\\d\\d|20\\d\\d)\\b");
    private static final Pattern EVERY_N_YEARS = Pattern.compile("tous les (\\d+) ans");

    private PublishedValues() {
    }

    /**
     * DREES {@code Type_d_accès} (PUBLIC, RESTREINT, PRIVE) and Etalab's "Liberté d'accès" (Accès à tous,
     * Accès restreint, Accès fermé).
     */
    public static Optional<AccessLevel> accessLevel(String published) {
        String v = fold(published);
        if (v.equals("public") || v.equals("acces a tous")) {
            return Optional.of(AccessLevel.PUBLIC);
        }
        if (v.equals("restreint") || v.equals("acces restreint")) {
            return Optional.of(AccessLevel.RESTRICTED);
        }
        if (v.equals("prive") || v.equals("acces ferme")) {
            return Optional.of(AccessLevel.NON_PUBLIC);
        }
        return Optional.empty();
    }

    /** DREES {@code Frequence_d_actualisation} (ANNUELLE, TOUS LES 3 ANS, RECUEIL EN CONTINU…). */
    public static Optional<UpdateFrequency> frequency(String published) {
        String v = fold(published);
        if (v.isEmpty()) {
            return Optional.empty();
        }
        Matcher every = EVERY_N_YEARS.matcher(v);
        if (every.find()) {
            return Optional.of(switch (every.group(1)) {
                case "2" -> UpdateFrequency.BIENNIAL;
                case "3" -> UpdateFrequency.TRIENNIAL;
                case "5" -> UpdateFrequency.QUINQUENNIAL;
                case "10" -> UpdateFrequency.DECENNIAL;
                default -> UpdateFrequency.OTHER;
            });
        }
        return Optional.ofNullable(switch (v) {
            case "annuelle" -> UpdateFrequency.ANNUAL;
            case "semestrielle" -> UpdateFrequency.ANNUAL_2;
            case "trimestrielle" -> UpdateFrequency.QUARTERLY;
            case "mensuelle" -> UpdateFrequency.MONTHLY;
            case "hebdomadaire" -> UpdateFrequency.WEEKLY;
            case "quotidienne" -> UpdateFrequency.DAILY;
            case "recueil en continu", "temps reel" -> UpdateFrequency.CONT;
            case "ponctuelle", "aleatoire" -> UpdateFrequency.IRREG;
            case "en cours" -> UpdateFrequency.UNKNOWN;
            default -> null;
        });
    }

    /**
     * DREES {@code Profondeur_historique}: "DEPUIS 2006" is open-ended from 2006; "2009-2013" or "1999, 2010,
     * 2015" run from the first to the end of the last year named; text without a year gives nothing.
     */
    public static Optional<Period> temporal(String published) {
        String v = fold(published);
        Matcher years = YEAR.matcher(v);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        while (years.find()) {
            int year = Integer.parseInt(years.group(1));
            min = Math.min(min, year);
            max = Math.max(max, year);
        }
        if (min == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        LocalDate end = v.contains("depuis") ? null : LocalDate.of(max, 12, 31);
        return Optional.of(new Period(LocalDate.of(min, 1, 1), end));
    }

    private static String fold(String text) {
        return text == null ? "" : TextFolding.fold(text).strip().replaceAll("\\s+", " ");
    }
}
