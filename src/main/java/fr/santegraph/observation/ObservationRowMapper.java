package fr.santegraph.observation;

import fr.santegraph.common.TextFolding;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.RowException;
import fr.santegraph.territory.TerritoryId;
import fr.santegraph.territory.TerritoryLevel;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.lang.Nullable;

/**
 * Maps the documented long-format observation CSV, columns found by name:
 * {@code indicator, territory, [level], period, value, [unit], numerator, denominator, [kind]}. A territory is an id
 * ({@code department:75}), a code with its {@code level}, or a code that names one level (5-character commune,
 * 9-digit EPCI). Decimal commas are accepted when the separator is {@code ;}.
 */
public final class ObservationRowMapper {

    private final Map<String, Integer> columns;
    private final int columnCount;
    private final boolean decimalComma;

    private ObservationRowMapper(Map<String, Integer> columns, int columnCount, boolean decimalComma) {
        this.columns = columns;
        this.columnCount = columnCount;
        this.decimalComma = decimalComma;
    }

    public static ObservationRowMapper forHeader(String file, List<String> header, char separator) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(TextFolding.fold(header.get(i)), i);
        }
        for (String required : List.of("indicator", "territory", "period", "value", "numerator", "denominator")) {
            if (!columns.containsKey(required)) {
                throw new ImportFailedException(file + ": header " + header + " lacks the column '" + required
                        + "' (expected indicator, territory, [level], period, value, [unit], numerator, denominator, [kind])");
            }
        }
        return new ObservationRowMapper(columns, header.size(), separator == ';');
    }

    public ObservationRow map(List<String> fields, long line) {
        if (fields.size() != columnCount) {
            throw new RowException("expected " + columnCount + " fields, found " + fields.size());
        }
        String indicator = field(fields, "indicator");
        if (indicator.isEmpty()) {
            throw new RowException("missing indicator");
        }
        Period period;
        try {
            period = Period.parse(field(fields, "period"));
        } catch (IllegalArgumentException e) {
            throw new RowException(e.getMessage());
        }
        Double value = decimal(field(fields, "value"), "value");
        Long numerator = count(field(fields, "numerator"), "numerator");
        Long denominator = count(field(fields, "denominator"), "denominator");
        if (value == null && numerator == null) {
            throw new RowException("neither a value nor a numerator");
        }
        ValueKind kind;
        try {
            kind = columns.containsKey("kind") ? ValueKind.parse(field(fields, "kind")).orElse(null) : null;
        } catch (IllegalArgumentException e) {
            throw new RowException(e.getMessage());
        }
        return new ObservationRow(indicator, territoryId(fields), period, value,
                columns.containsKey("unit") ? emptyToNull(field(fields, "unit")) : null, numerator, denominator, kind,
                line);
    }

    private String territoryId(List<String> fields) {
        String territory = field(fields, "territory").toUpperCase(Locale.ROOT);
        String level = columns.containsKey("level") ? field(fields, "level") : "";
        try {
            if (territory.contains(":")) {
                return TerritoryId.parse(territory.toLowerCase(Locale.ROOT)).toString();
            }
            if (!level.isEmpty()) {
                return TerritoryLevel.valueOf(level.toUpperCase(Locale.ROOT)).id(territory);
            }
        } catch (IllegalArgumentException e) {
            throw new RowException("territory '" + territory + "' / level '" + level + "': " + e.getMessage());
        }
        if (territory.matches("(\\d{2}|2[AB])\\d{3}")) {
            return TerritoryLevel.COMMUNE.id(territory);
        }
        if (territory.matches("\\d{9}")) {
            return TerritoryLevel.EPCI.id(territory);
        }
        throw new RowException("territory code '" + territory + "' is ambiguous: add a level column or write an id "
                + "such as department:" + territory);
    }

    private String field(List<String> fields, String column) {
        return fields.get(Objects.requireNonNull(columns.get(column), column)).strip();
    }

    private @Nullable Double decimal(String text, String column) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(decimalComma ? text.replace(',', '.') : text);
        } catch (NumberFormatException e) {
            throw new RowException(column + " '" + text + "' is not a number");
        }
    }

    private static @Nullable Long count(String text, String column) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            long count = Long.parseLong(text);
            if (count < 0) {
                throw new RowException(column + " " + count + " is negative");
            }
            return count;
        } catch (NumberFormatException e) {
            throw new RowException(column + " '" + text + "' is not a whole number");
        }
    }

    private static @Nullable String emptyToNull(String text) {
        return text.isEmpty() ? null : text;
    }
}
