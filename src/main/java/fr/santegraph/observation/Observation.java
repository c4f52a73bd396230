package fr.santegraph.observation;

/** An observation as stored, with what masking needs: its territory's level and administrative parent. */
record Observation(String indicatorId, String territoryId, String level, String parentId, String period,
                   String periodType, Double value, String unit, Long numerator, Long denominator) {

    /** Siblings under one parent, same level and period: the parts of a published total. */
    record Group(String parentId, String level, String period) {
    }

    Group group() {
        return parentId == null ? null : new Group(parentId, level, period);
    }
}
