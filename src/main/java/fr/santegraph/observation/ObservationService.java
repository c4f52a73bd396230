package fr.santegraph.observation;

import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.Pagination;
import fr.santegraph.common.ReadTransaction;
import fr.santegraph.disclosure.PublishedCount;
import fr.santegraph.disclosure.SmallCountRule;
import fr.santegraph.territory.TerritoryLevel;
import fr.santegraph.territory.TerritoryService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;

/**
 * Indicator values under the small-count rule. A territory's counts are published as parts of its parent's total
 * (a commune among the communes of its département, a département among those of its region), so they are masked
 * with their siblings, the same way in every query: no request can recompute what another one masked.
 */
@Service
@ReadTransaction
public class ObservationService {

    private static final String PROJECTION = """
            {indicatorId: o.indicatorId, territoryId: o.territoryId, level: t.level, parentId: parent.id,
             period: o.period, periodType: o.periodType, value: o.value, unit: o.unit,
             numerator: o.numerator, denominator: o.denominator}""";

    private final Neo4jClient neo4j;
    private final SmallCountRule rule;
    private final Pagination pagination;
    private final TerritoryService territories;

    public ObservationService(Neo4jClient neo4j, SmallCountRule rule, Pagination pagination, TerritoryService territories) {
        this.neo4j = neo4j;
        this.rule = rule;
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

    /** Applies the small-count rule: each count alone, then with its siblings as parts of the parent's total. */
    List<IndicatorValue> publish(List<Observation> observations, boolean seesSmallCounts) {
        Map<String, Boolean> numeratorMasked = new HashMap<>();
        Map<String, Boolean> denominatorMasked = new HashMap<>();
        if (!seesSmallCounts) {
            Set<Observation.Group> groups = new LinkedHashSet<>();
            observations.stream().map(Observation::group).filter(java.util.Objects::nonNull).forEach(groups::add);
            for (Map.Entry<Observation.Group, List<Observation>> group : siblings(observations.isEmpty() ? null
                    : observations.get(0).indicatorId(), groups).entrySet()) {
                maskGroup(group.getValue(), Observation::numerator, numeratorMasked);
                maskGroup(group.getValue(), Observation::denominator, denominatorMasked);
            }
        }
        List<IndicatorValue> values = new ArrayList<>(observations.size());
        for (Observation o : observations) {
            String key = o.territoryId() + "|" + o.period();
            PublishedCount numerator = count(o.numerator(), numeratorMasked.getOrDefault(key, false), seesSmallCounts);
            PublishedCount denominator = count(o.denominator(), denominatorMasked.getOrDefault(key, false), seesSmallCounts);
            boolean valueMasked = (numerator != null && numerator.masked()) || (denominator != null && denominator.masked());
            values.add(new IndicatorValue(o.indicatorId(), o.territoryId(), o.period(), Period.PeriodType.valueOf(o.periodType()),
                    valueMasked ? null : o.value(), valueMasked, o.unit(), numerator, denominator));
        }
        return values;
    }

    private PublishedCount count(Long count, boolean maskedWithSiblings, boolean seesSmallCounts) {
        if (count == null) {
            return null;
        }
        return maskedWithSiblings ? PublishedCount.MASKED : rule.publish(count, seesSmallCounts);
    }

    private void maskGroup(List<Observation> siblings, Function<Observation, Long> countOf, Map<String, Boolean> masked) {
        List<Observation> withCounts = siblings.stream().filter(o -> countOf.apply(o) != null).toList();
        SmallCountRule.Table table = rule.publishWithTotal(withCounts.stream().map(countOf).toList(), false);
        for (int i = 0; i < withCounts.size(); i++) {
            Observation o = withCounts.get(i);
            masked.put(o.territoryId() + "|" + o.period(), table.parts().get(i).masked());
        }
    }

    /** Every observation of each group (the same indicator, parent, level and period), in one query. */
    private Map<Observation.Group, List<Observation>> siblings(String indicator, Set<Observation.Group> groups) {
        Map<Observation.Group, List<Observation>> result = new LinkedHashMap<>();
        if (groups.isEmpty()) {
            return result;
        }
        neo4j.query("""
                        UNWIND $groups AS g
                        MATCH (parent:Territory {id: g.parentId})<-[:PART_OF]-(t:Territory {level: g.level})
                        MATCH (o:Observation {indicatorId: $indicator, territoryId: t.id, period: g.period})
                        WITH o, t, parent ORDER BY o.territoryId
                        RETURN %s AS o""".formatted(PROJECTION))
                .bind(groups.stream().map(g -> Map.of("parentId", g.parentId(), "level", g.level(), "period", g.period()))
                        .toList()).to("groups")
                .bind(indicator).to("indicator")
                .fetchAs(Observation.class).mappedBy((types, record) -> observation(record.get("o")))
                .all()
                .forEach(o -> result.computeIfAbsent(o.group(), g -> new ArrayList<>()).add(o));
        return result;
    }

    private static Observation observation(Value o) {
        return new Observation(o.get("indicatorId").asString(), o.get("territoryId").asString(), o.get("level").asString(),
                o.get("parentId").asString(null), o.get("period").asString(), o.get("periodType").asString(),
                o.get("value").isNull() ? null : o.get("value").asDouble(), o.get("unit").asString(null),
                o.get("numerator").isNull() ? null : o.get("numerator").asLong(),
                o.get("denominator").isNull() ? null : o.get("denominator").asLong());
    }

    /** An indicator argument: its global id ({@code indicator:drees-42}) or its code ({@code drees-42}). */
    static String indicatorId(String indicator) {
        if (indicator == null || indicator.isBlank()) {
            throw new InvalidArgumentException("indicator is required");
        }
        return indicator.startsWith("indicator:") ? indicator : "indicator:" + indicator;
    }
}
