package fr.santegraph.observation;

import fr.santegraph.disclosure.PublishedCount;
import fr.santegraph.observation.Period.PeriodType;
import org.springframework.lang.Nullable;

/** An observation as published to the current caller; {@code derivationId} names the lineage of a computed one. */
public record IndicatorValue(String indicatorId, String territoryId, String period, PeriodType periodType,
                             @Nullable Double value, boolean valueMasked, String unit,
                             @Nullable PublishedCount numerator, @Nullable PublishedCount denominator,
                             String derivationId) {
}
