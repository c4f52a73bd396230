package fr.santegraph.observation;

import fr.santegraph.disclosure.PublishedCount;
import fr.santegraph.observation.Period.PeriodType;

/** An observation as published to the current caller; {@code derivationId} names the lineage of a computed one. */
public record IndicatorValue(String indicatorId, String territoryId, String period, PeriodType periodType, Double value,
                             boolean valueMasked, String unit, PublishedCount numerator, PublishedCount denominator,
                             String derivationId) {
}
