// Indicator values per territory and period, keyed on indicator|territory|period.
CREATE CONSTRAINT observation_id IF NOT EXISTS FOR (o:Observation) REQUIRE o.id IS UNIQUE;
CREATE INDEX observation_indicator_period IF NOT EXISTS FOR (o:Observation) ON (o.indicatorId, o.period);
CREATE INDEX observation_indicator_territory IF NOT EXISTS FOR (o:Observation) ON (o.indicatorId, o.territoryId);
// Where the values santegraph computes come from, one per computation and period (observations name it).
CREATE CONSTRAINT derivation_id IF NOT EXISTS FOR (d:Derivation) REQUIRE d.id IS UNIQUE;
