package fr.santegraph.observation;

/**
 * An observation as stored, with the small-count decision taken at import time ({@link ObservationDisclosure}):
 * null flags mean not yet decided, and are read as masked. {@code derivationId}: the lineage of a value santegraph
 * computed ({@link DerivedObservations}), null for one as published.
 */
record Observation(String indicatorId, String territoryId, String parentId, String period, String periodType,
                   Double value, String unit, Long numerator, Long denominator, Boolean countMasked,
                   Boolean denominatorMasked, Boolean valueMasked, String derivationId) {
}
