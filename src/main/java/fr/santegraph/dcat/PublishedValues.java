package fr.santegraph.dcat;

import fr.santegraph.common.TextFolding;
import fr.santegraph.dcat.DcatRecords.Period;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

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
    public static Optional<Period> temporal(@Nullable String published) {
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

    private static final List<String> MONTHS = List.of("janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet",
            "aout", "septembre", "octobre", "novembre", "decembre");
    private static final Pattern MONTH_YEAR = Pattern.compile("([a-z]+)[ -](\\d{2}|\\d{4})");
    private static final Pattern SPREADSHEET_DAY = Pattern.compile("\\d{5}");
    /** Day 0 of spreadsheet serial dates (as they count them, 1900 leap-year bug included). */
    private static final LocalDate SPREADSHEET_EPOCH = LocalDate.of(1899, 12, 30);

    /**
     * DREES {@code Date_version_base}, the date of the base's version: "OCTOBRE-17" or "MARS 2018" is that month (its
     * first day), "42644" a spreadsheet's serial day (2016-10-01); a year alone or anything else gives nothing.
     */
    public static Optional<LocalDate> baseVersion(@Nullable String published) {
        String v = fold(published);
        if (SPREADSHEET_DAY.matcher(v).matches()) {
            long day = Long.parseLong(v);
            // 1990 to 2064: a serial day outside is not a date of this index.
            return day >= 32_874 && day <= 60_000 ? Optional.of(SPREADSHEET_EPOCH.plusDays(day)) : Optional.empty();
        }
        Matcher m = MONTH_YEAR.matcher(v);
        if (!m.matches() || !MONTHS.contains(m.group(1))) {
            return Optional.empty();
        }
        int year = Integer.parseInt(m.group(2));
        return Optional.of(LocalDate.of(year < 100 ? 2000 + year : year, MONTHS.indexOf(m.group(1)) + 1, 1));
    }

    private static String fold(@Nullable String text) {
        return text == null ? "" : TextFolding.fold(text).strip().replaceAll("\\s+", " ");
    }
}
