package fr.santegraph.observation;

import fr.santegraph.common.InvalidArgumentException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/** A reference period as published: a year ({@code 2022}), a quarter ({@code 2022-Q1}) or a month ({@code 2022-03}). */
public record Period(String code, PeriodType type, int year) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})(?:-Q([1-4])|-(0[1-9]|1[0-2]))?");

    public enum PeriodType { YEAR, QUARTER, MONTH }

    public static Period parse(@Nullable String text) {
        Matcher matcher = FORMAT.matcher(text == null ? "" : text.strip());
        if (!matcher.matches()) {
            throw new InvalidArgumentException("'" + text + "' is not a period: expected 2022, 2022-Q1 or 2022-03");
        }
        PeriodType type = matcher.group(2) != null ? PeriodType.QUARTER
                : matcher.group(3) != null ? PeriodType.MONTH : PeriodType.YEAR;
        return new Period(matcher.group(), type, Integer.parseInt(matcher.group(1)));
    }
}
