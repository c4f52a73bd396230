package fr.santegraph.dcat;

import fr.santegraph.common.TextFolding;
import fr.santegraph.dcat.DcatRecords.Period;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Published values the catalogue keeps as text that DCAT-AP wants structured (access levels and frequencies are
 * normalised by the catalogue importers already). Unknown or empty values give nothing rather than a guess.
 */
public final class PublishedValues {

    private static final Pattern YEAR = Pattern.compile("\\b(19\\d\\d|20\\d\\d)\\b");

    private PublishedValues() {
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
