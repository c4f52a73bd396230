package fr.santegraph.observation;

import static java.lang.Boolean.FALSE;

import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.Pagination;
import fr.santegraph.common.ReadTransaction;
import fr.santegraph.disclosure.PublishedCount;
import fr.santegraph.territory.TerritoryLevel;
import fr.santegraph.territory.TerritoryService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Indicator values under the small-count rule, as decided per cell when they were imported
 * ({@link ObservationDisclosure}): every query shape — by territory, by level, by period, a territory's own values
 * and its children's, any page — publishes the same pattern, so no request can recompute what another one masked.
 */
@Service
@ReadTransaction
public class ObservationService {

    private static final String PROJECTION = """
            {indicatorId: o.indicatorId, territoryId: o.territoryId, parentId: parent.id,
             period: o.period, periodType: o.periodType, value: o.value, unit: o.unit,
             numerator: o.numerator, denominator: o.denominator, countMasked: o.countMasked,
             denominatorMasked: o.denominatorMasked, valueMasked: o.valueMasked, derivation: o.derivation}""";

    private final Neo4jClient neo4j;
    private final Pagination pagination;
    private final TerritoryService territories;
    private final DerivedObservations derived;

    public ObservationService(Neo4jClient neo4j, Pagination pagination, TerritoryService territories,
                              DerivedObservations derived) {
        this.neo4j = neo4j;
        this.derived = derived;
        this.pagination = pagination;
        this.territories = territories;
    }

    public CountedConnection<IndicatorValue> find(String indicator, List<String> territoryRefs, TerritoryLevel level,
                                                  List<String> periods, PageRequest page, boolean seesSmallCounts) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("indicator", indicatorId(indicator));
        parameters.put("territories", territoryRefs == null ? null
                : territoryRefs.stream().map(territories::resolveWithin).toList());
        parameters.put("level", level == null ? null : level.name());
        parameters.put("periods", periods == null ? null : periods.stream().map(p -> Period.parse(p).code()).toList());
        parameters.put("offset", page.offset());
        parameters.put("limit", page.limit());
        String match = """
                MATCH (o:Observation {indicatorId: $indicator})
                WHERE ($periods IS NULL OR o.period IN $periods)
                  AND ($territories IS NULL OR o.territoryId IN $territories)
                MATCH (o)-[:FOR_TERRITORY]->(t:Territory)
                WHERE $level IS NULL OR t.level = $level
                """;
        List<Observation> observations = List.copyOf(neo4j.query(match + """
                        OPTIONAL MATCH (t)-[:PART_OF]->(parent:Territory)
                        WITH o, t, parent ORDER BY o.territoryId, o.period SKIP $offset LIMIT $limit
                        RETURN %s AS o""".formatted(PROJECTION))
                .bindAll(parameters)
                .fetchAs(Observation.class).mappedBy((types, record) -> observation(record.get("o"))).all());
        long total = neo4j.query(match + "RETURN count(o)").bindAll(parameters).fetchAs(Long.class).one().orElse(0L);
        return pagination.connection(publish(observations, seesSmallCounts), page, total);
    }

    /** For each territory: its own values and its children's, per period. */
    public Map<String, TerritoryIndicatorValues> forTerritories(Collection<String> territoryIds, String indicator,
                                                                List<String> periods, boolean seesSmallCounts) {
        List<String> periodCodes = periods == null ? null : periods.stream().map(p -> Period.parse(p).code()).toList();
        List<Observation> observations = List.copyOf(neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (t:Territory {id: id})
                        OPTIONAL MATCH (t)-[:PART_OF]->(parent:Territory)
                        MATCH (o:Observation {indicatorId: $indicator, territoryId: id})
                        WHERE $periods IS NULL OR o.period IN $periods
                        RETURN %s AS o
                        UNION
                        UNWIND $ids AS id
                        MATCH (parent:Territory {id: id})<-[:PART_OF]-(t:Territory)
                        MATCH (o:Observation {indicatorId: $indicator, territoryId: t.id})
                        WHERE $periods IS NULL OR o.period IN $periods
                        RETURN %s AS o""".formatted(PROJECTION, PROJECTION))
                .bind(List.copyOf(territoryIds)).to("ids")
                .bind(indicatorId(indicator)).to("indicator")
                .bind(periodCodes).to("periods")
                .fetchAs(Observation.class).mappedBy((types, record) -> observation(record.get("o"))).all());
        List<IndicatorValue> published = publish(observations, seesSmallCounts);
        Map<String, TerritoryIndicatorValues> result = new HashMap<>();
        for (String id : territoryIds) {
            List<IndicatorValue> own = new ArrayList<>();
            List<IndicatorValue> children = new ArrayList<>();
            for (int i = 0; i < observations.size(); i++) {
                if (observations.get(i).territoryId().equals(id)) {
                    own.add(published.get(i));
                } else if (id.equals(observations.get(i).parentId())) {
                    children.add(published.get(i));
                }
            }
            result.put(id, new TerritoryIndicatorValues(own, children));
        }
        return result;
    }

    /**
     * The observations as the caller may see them: exact for institutions; for anyone else, each count and value
     * as the import decided (the same whatever the query), and every count masked while the indicator is pending.
     */
    List<IndicatorValue> publish(List<Observation> observations, boolean seesSmallCounts) {
        boolean pending = !seesSmallCounts && !observations.isEmpty() && pending(observations.get(0).indicatorId());
        List<IndicatorValue> values = new ArrayList<>(observations.size());
        for (Observation o : observations) {
            PublishedCount numerator = count(o.numerator(), seesSmallCounts || (!pending && FALSE.equals(o.countMasked())));
            PublishedCount denominator = count(o.denominator(),
                    seesSmallCounts || (!pending && FALSE.equals(o.denominatorMasked())));
            boolean valueMasked = !seesSmallCounts && (pending || !FALSE.equals(o.valueMasked()));
            values.add(new IndicatorValue(o.indicatorId(), o.territoryId(), o.period(),
                    Period.PeriodType.valueOf(o.periodType()), valueMasked ? null : o.value(), valueMasked, o.unit(),
                    numerator, denominator, o.derivationId()));
        }
        return values;
    }

    /** The lineage of computed values, by derivation id. */
    public Map<String, DerivedObservations.Derivation> derivations(Collection<String> ids) {
        return derived.derivations(ids);
    }

    private static @Nullable PublishedCount count(@Nullable Long count, boolean shown) {
        if (count == null) {
            return null;
        }
        return shown ? PublishedCount.shown(count) : PublishedCount.MASKED;
    }

    /** Whether an import of the indicator is under way: its counts are not decided yet. */
    private boolean pending(String indicatorId) {
        return neo4j.query("MATCH (i:Indicator {id: $id}) RETURN coalesce(i.disclosurePending, false)")
                .bind(indicatorId).to("id").fetchAs(Boolean.class).one().orElse(false);
    }

    private static Observation observation(Value o) {
        return new Observation(o.get("indicatorId").asString(), o.get("territoryId").asString(),
                o.get("parentId").asString(null), o.get("period").asString(), o.get("periodType").asString(),
                o.get("value").isNull() ? null : o.get("value").asDouble(), o.get("unit").asString(null),
                o.get("numerator").isNull() ? null : o.get("numerator").asLong(),
                o.get("denominator").isNull() ? null : o.get("denominator").asLong(), flag(o.get("countMasked")),
                flag(o.get("denominatorMasked")), flag(o.get("valueMasked")), o.get("derivation").asString(null));
    }

    private static @Nullable Boolean flag(Value value) {
        return value.isNull() ? null : value.asBoolean();
    }

    /** An indicator argument: its global id ({@code indicator:drees-42}) or its code ({@code drees-42}). */
    static String indicatorId(String indicator) {
        if (indicator == null || indicator.isBlank()) {
            throw new InvalidArgumentException("indicator is required");
        }
        return indicator.startsWith("indicator:") ? indicator : "indicator:" + indicator;
    }
}
