package fr.santegraph.observation;

import java.util.HashMap;
import java.util.Map;

/** One value of an indicator for a territory and period, with its counts when published. */
public record ObservationRow(String indicatorId, String territoryId, Period period, Double value, String unit,
                             Long numerator, Long denominator, long line) {

    Map<String, Object> toParameters() {
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
        row.put("line", line);
        return row;
    }
}
