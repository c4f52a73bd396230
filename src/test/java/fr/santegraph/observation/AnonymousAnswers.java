package fr.santegraph.observation;

import fr.santegraph.disclosure.DisclosureAudit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Everything an anonymous caller can get about one indicator's counts, asked every way the API allows: each level
 * paged through, each territory alone, each territory with its children. The published hierarchy comes from the
 * graph (what anyone can read from the COG). Two answers that disagree about one cell fail the audit.
 */
final class AnonymousAnswers {

    private static final String PAGE = """
            query ($indicator: ID!, $level: TerritoryLevel, $territories: [String!], $after: String) {
              indicatorValues(indicator: $indicator, level: $level, territories: $territories, first: 500, after: $after) {
                nodes { territory { id } period value numerator { value } }
                pageInfo { hasNextPage endCursor }
              }
            }""";
    private static final String WITH_CHILDREN = """
            query ($code: String!, $level: TerritoryLevel, $indicator: ID!) {
              territory(code: $code, level: $level) {
                indicatorValues(indicator: $indicator) {
                  own { territory { id } period value numerator { value } }
                  children { territory { id } period value numerator { value } }
                }
              }
            }""";

    private final List<DisclosureAudit.Received> received = new ArrayList<>();
    private final Map<String, Long> byCell = new LinkedHashMap<>();
    private final Map<String, List<String>> parents = new LinkedHashMap<>();

    AnonymousAnswers(GraphQlTester graphQl, Neo4jClient neo4j, String indicator) {
        this(graphQl, neo4j, indicator, true);
    }

    /** {@code eachTerritory}: also ask for each territory alone and with its children (one query each). */
    AnonymousAnswers(GraphQlTester graphQl, Neo4jClient neo4j, String indicator, boolean eachTerritory) {
        Set<String> territories = new TreeSet<>();
        for (String level : List.of("COMMUNE", "EPCI", "DEPARTMENT", "REGION")) {
            territories.addAll(page(graphQl, indicator, Map.of("level", level)));
        }
        if (eachTerritory) {
            for (String territory : territories) {
                page(graphQl, indicator, Map.of("territories", List.of(territory)));
                String level = territory.substring(0, territory.indexOf(':')).toUpperCase().replace('-', '_');
                List<Map<String, Object>> values = new ArrayList<>();
                var response = graphQl.document(WITH_CHILDREN).variable("code", territory.substring(territory.indexOf(':') + 1))
                        .variable("level", level).variable("indicator", indicator).execute();
                values.addAll(response.path("territory.indicatorValues.own").entityList(mapType()).get());
                values.addAll(response.path("territory.indicatorValues.children").entityList(mapType()).get());
                values.forEach(this::add);
            }
        }
        // The hierarchy around the cells: each one's parents, and each one's parts (with or without a cell).
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (t:Territory {id: id})
                        OPTIONAL MATCH (part:Territory)-[:PART_OF|MEMBER_OF]->(t)
                        WITH t, collect(part) AS parts
                        UNWIND parts + [t] AS x
                        WITH DISTINCT x
                        RETURN x.id AS id, [(x)-[:PART_OF|MEMBER_OF]->(p:Territory) | p.id] AS parents""")
                .bind(List.copyOf(territories)).to("ids").fetch().all()
                .forEach(row -> parents.put((String) row.get("id"),
                        ((List<?>) row.get("parents")).stream().map(String::valueOf).toList()));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Class<Map<String, Object>> mapType() {
        return (Class) Map.class;
    }

    private Set<String> page(GraphQlTester graphQl, String indicator, Map<String, Object> arguments) {
        Set<String> seen = new LinkedHashSet<>();
        String after = null;
        while (true) {
            GraphQlTester.Request<?> request = graphQl.document(PAGE).variable("indicator", indicator).variable("after", after);
            for (Map.Entry<String, Object> argument : arguments.entrySet()) {
                request = request.variable(argument.getKey(), argument.getValue());
            }
            var response = request.execute();
            for (Map<String, Object> node : response.path("indicatorValues.nodes").entityList(mapType()).get()) {
                seen.add(add(node));
            }
            if (!response.path("indicatorValues.pageInfo.hasNextPage").entity(Boolean.class).get()) {
                return seen;
            }
            after = response.path("indicatorValues.pageInfo.endCursor").entity(String.class).get();
        }
    }

    /** Records one answer (the count: the numerator when given, else the value); returns its territory. */
    @SuppressWarnings("unchecked")
    private String add(Map<String, Object> node) {
        String territory = (String) ((Map<String, Object>) node.get("territory")).get("id");
        String period = (String) node.get("period");
        Map<String, Object> numerator = (Map<String, Object>) node.get("numerator");
        Object count = numerator != null ? numerator.get("value") : node.get("value");
        Long value = count == null ? null : Math.round(((Number) count).doubleValue());
        received.add(new DisclosureAudit.Received(territory, period, value));
        byCell.put(territory + "|" + period, value);
        return territory;
    }

    /** The count as published; null when masked. */
    Long value(String territory, String period) {
        String key = territory + "|" + period;
        if (!byCell.containsKey(key)) {
            throw new AssertionError("no answer about " + key);
        }
        return byCell.get(key);
    }

    List<String> maskedCells() {
        return byCell.entrySet().stream().filter(e -> e.getValue() == null).map(Map.Entry::getKey).toList();
    }

    /** The bounds the caller can prove for each masked cell. */
    Map<String, DisclosureAudit.Bounds> bounds() {
        return DisclosureAudit.bounds(received, parents);
    }

    /** The fewest whole values any masked cell is left with (infinite when nothing is masked). */
    double narrowestMaskedCell() {
        return bounds().values().stream().mapToDouble(DisclosureAudit.Bounds::wholeValues).min()
                .orElse(Double.POSITIVE_INFINITY);
    }
}
