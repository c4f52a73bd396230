package fr.santegraph.observation;

import org.springframework.lang.Nullable;

/**
 * An observation as stored, with the small-count decision taken at import time ({@link ObservationDisclosure}):
 * null flags mean not yet decided, and are read as masked. {@code derivationId}: the lineage of a value santegraph
 * computed ({@link DerivedObservations}), null for one as published.
 */
record Observation(String indicatorId, String territoryId, String parentId, String period, String periodType,
                   @Nullable Double value, String unit, @Nullable Long numerator, @Nullable Long denominator,
                   @Nullable Boolean countMasked, @Nullable Boolean denominatorMasked, @Nullable Boolean valueMasked,
                   String derivationId) {
}
