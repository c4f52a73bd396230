package fr.santegraph.observation;

import fr.santegraph.ingest.RowException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * One value of an indicator for a territory and period, with its counts when published; {@code kind} as the row
 * declares it, null when it does not.
 */
public record ObservationRow(String indicatorId, String territoryId, Period period, @Nullable Double value,
                             @Nullable String unit, @Nullable Long numerator, @Nullable Long denominator,
                             @Nullable ValueKind kind, long line) {

    private static final Pattern PER = Pattern.compile("(?:pour|per|p\\.)\\s*([\\d\\s\\u00a0\\u202f]+)");

    /** The kind a row shows when nothing declares one: counts given aside, or a whole value, make it a ratio or count. */
    ValueKind apparentKind() {
        if (numerator != null || denominator != null) {
            return ValueKind.RATIO;
        }
        return value != null && value == Math.rint(value) ? ValueKind.COUNT : ValueKind.RATIO;
    }

    /**
     * The count the small-count rule protects in this row, for an indicator of that kind: null when it publishes none.
     * A rate with its denominator but not its numerator gives the numerator away (1.5 % × 200 = 3): that is its count.
     */
    @Nullable Long count(ValueKind kind) {
        if (numerator != null) {
            return numerator;
        }
        if (kind == ValueKind.COUNT) {
            if (value == null || value < 0 || value != Math.rint(value)) {
                throw new RowException("value " + value + " is not a count (a whole number): declare the indicator "
                        + "a ratio, or give the numerator");
            }
            return value.longValue();
        }
        if (value == null || denominator == null) {
            return null;
        }
        Long scale = scaleOf(unit);
        if (scale == null) {
            throw new RowException("a rate with its denominator but no numerator: give the numerator, or a unit that "
                    + "says the scale (%, ‰, pour 100 000), since value × denominator gives the count away");
        }
        return Math.round(value * denominator / scale);
    }

    /** 100 for {@code %}, 1000 for {@code ‰} or {@code pour 1 000}, 1 for no unit (a share); null when unknown. */
    static @Nullable Long scaleOf(@Nullable String unit) {
        if (unit == null || unit.isBlank()) {
            return 1L;
        }
        String u = unit.strip().toLowerCase(Locale.ROOT);
        if (u.equals("%") || u.contains("pourcent") || u.contains("percent")) {
            return 100L;
        }
        if (u.equals("‰") || u.contains("pour mille")) {
            return 1000L;
        }
        Matcher m = PER.matcher(u);
        if (m.find()) {
            String digits = m.group(1).replaceAll("[^0-9]", "");
            if (!digits.isEmpty() && digits.length() <= 9) {
                return Long.parseLong(digits);
            }
        }
        return null;
    }

    Map<String, Object> toParameters(@Nullable Long count) {
        Map<String, Object> row = new HashMap<>();
        row.put("indicator", indicatorId);
        row.put("territory", territoryId);
        row.put("period", period.code());
        row.put("periodType", period.type().name());
        row.put("year", period.year());
        row.put("value", value);
        row.put("unit", unit);
        row.put("numerator", numerator);
        row.put("denominator", denominator);
        row.put("count", count);
        row.put("line", line);
        return row;
    }
}
