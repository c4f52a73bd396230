package fr.santegraph.search;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.AliasIndex;
import fr.santegraph.catalogue.CatalogueRepository;
import fr.santegraph.catalogue.CatalogueSortKeys;
import fr.santegraph.catalogue.GeoLevel;
import fr.santegraph.catalogue.Slugs;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.Pagination;
import fr.santegraph.common.ReadTransaction;
import fr.santegraph.common.Rows;
import fr.santegraph.common.SortDirection;
import fr.santegraph.dataset.DataService;
import fr.santegraph.dataset.Dataset;
import fr.santegraph.dataset.Variable;
import fr.santegraph.indicator.Indicator;
import fr.santegraph.producer.Producer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.Values;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Catalogue search: one Neo4j full-text index ({@code catalogue_search}, French analyzer) over indicators,
 * datasets, data services, producers and variables, so scores compare across types; filters on the hits'
 * denormalised codes; facets counted over all hits in the same query.
 */
@Service
@ReadTransaction
public class SearchService {

    static final int MAX_QUERY_LENGTH = 200;
    private static final List<String> TEXT_FIELDS = List.of("name", "title", "acronym", "family", "description", "searchText",
            "keywordsText");

    private final Neo4jClient neo4j;
    private final Pagination pagination;

    public SearchService(Neo4jClient neo4j, Pagination pagination) {
        this.neo4j = neo4j;
        this.pagination = pagination;
    }

    /** Each criterion takes several values, any of which may hold (OR); the criteria given must all hold (AND). */
    public record Filter(@Nullable List<String> producer, @Nullable List<String> theme,
                         @Nullable List<GeoLevel> geoLevel, @Nullable List<AccessLevel> accessLevel,
                         @Nullable List<String> dataset) {
    }

    /** How hits are sorted: by relevance (best first) or by title in French order. */
    public record Order(Field field, SortDirection direction) {
        public enum Field { SCORE, TITLE }

        String cypher() {
            boolean descending = direction == SortDirection.DESC;
            if (field == Field.TITLE) {
                return "ORDER BY coalesce(node.sortName, toLower(coalesce(node.name, node.title)))"
                        + (descending ? " DESC" : "") + ", score DESC, node.id";
            }
            // Relevance reads best first; ASC asks for the least relevant first.
            return "ORDER BY score" + (direction == SortDirection.ASC ? "" : " DESC") + ", node.id";
        }
    }

    public record Highlight(String field, String fragment) {
    }

    public record SearchHit(double score, SearchType type, List<Highlight> highlights, Object node) {
    }

    public record FacetCount(@Nullable String value, @Nullable String label, int count) {
    }

    public record Facets(List<FacetCount> types, List<FacetCount> producers, List<FacetCount> themes,
                         List<FacetCount> geoLevels, List<FacetCount> accessLevels) {
    }

    public static final class SearchConnection extends CountedConnection<SearchHit> {
        private final @Nullable Facets facets;

        SearchConnection(CountedConnection<SearchHit> page, @Nullable Facets facets) {
            super(page.getEdges(), page.getPageInfo(), page.getTotalCount());
            this.facets = facets;
        }

        public @Nullable Facets getFacets() {
            return facets;
        }
    }

    /** Every hit of the query, filtered and ranked, collected as {@code hits}. */
    static final String MATCHES = """
            CALL db.index.fulltext.queryNodes('catalogue_search', $query) YIELD node, score
            WITH node, score, [l IN labels(node) WHERE l IN ['Indicator', 'Dataset', 'DataService', 'Producer', 'Variable']][0] AS label
            WHERE ($labels IS NULL OR label IN $labels)
              AND ($producers IS NULL OR any(x IN $producers WHERE x IN coalesce(node.producerCodes, CASE WHEN label = 'Producer' THEN [node.code] ELSE [] END)))
              AND ($themes IS NULL OR any(x IN $themes WHERE x IN coalesce(node.themeCodes, [])))
              AND ($geoLevels IS NULL OR any(x IN $geoLevels WHERE x IN coalesce(node.geoLevels, [])))
              AND ($accessLevels IS NULL OR node.accessLevel IN $accessLevels)
              AND ($datasets IS NULL OR any(x IN $datasets WHERE x IN coalesce(node.datasetCodes, []) OR (label = 'Dataset' AND node.code = x)))
            // An exact match comes first: a producer's name, acronym or alias ("CNAMTS", "Assurance maladie"), an
            // object's code ("pmsi") or its whole title or name, where the words alone rank longer texts higher.
            WITH node, label, score + CASE WHEN $exact IN coalesce(node.foldedNames, []) OR node.code = $slug
                                             OR node.sortName = $folded THEN 100.0 ELSE 0.0 END AS score
            %s
            WITH collect({node: node, score: score, label: label}) AS hits
            """;
    /** Counts per type, producer, theme, geographic level and access level over all the hits. */
    private static final String FACETS = """
            CALL (hits) {
              UNWIND hits AS h
              WITH h.label AS value, count(*) AS n ORDER BY n DESC, value
              RETURN collect({value: value, count: n}) AS types
            }
            CALL (hits) {
              UNWIND hits AS h
              UNWIND CASE WHEN h.label = 'Producer' THEN [h.node.code]
                          WHEN size(coalesce(h.node.producerCodes, [])) = 0 THEN ['NONE']
                          ELSE h.node.producerCodes END AS value
              WITH value, count(*) AS n ORDER BY n DESC, value
              RETURN collect({value: value, count: n}) AS producers
            }
            CALL (hits) {
              UNWIND hits AS h
              UNWIND CASE WHEN size(coalesce(h.node.themeCodes, [])) = 0 THEN ['NONE'] ELSE h.node.themeCodes END AS value
              WITH value, count(*) AS n ORDER BY n DESC, value
              RETURN collect({value: value, count: n}) AS themes
            }
            CALL (hits) {
              UNWIND hits AS h
              UNWIND CASE WHEN size(coalesce(h.node.geoLevels, [])) = 0 THEN ['NONE'] ELSE h.node.geoLevels END AS value
              WITH value, count(*) AS n ORDER BY n DESC, value
              RETURN collect({value: value, count: n}) AS geoLevels
            }
            CALL (hits) {
              UNWIND hits AS h
              WITH coalesce(h.node.accessLevel, 'UNKNOWN') AS value, count(*) AS n ORDER BY n DESC, value
              RETURN collect({value: value, count: n}) AS accessLevels
            }
            """;
    /** The total and the asked page of hits; the facet columns follow when {@link #FACETS} ran. */
    static final String PAGE = """
            RETURN size(hits) AS total,
                   [h IN hits[$offset..$end] | {label: h.label, score: h.score, props: properties(h.node)}] AS page""";
    private static final String FACET_COLUMNS = ", types, producers, themes, geoLevels, accessLevels";

    /**
     * Every query word is required (AND); the analyzer drops French stop words and stems the rest. Words are
     * letters and digits only, so Lucene syntax in the input is never interpreted.
     */
    static String luceneQuery(String query) {
        if (query == null || query.isBlank()) {
            throw new InvalidArgumentException("query must not be empty");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new InvalidArgumentException("query is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        List<String> terms = Highlighter.terms(query);
        if (terms.isEmpty()) {
            throw new InvalidArgumentException("query has no word of two letters or more");
        }
        return terms.stream().collect(Collectors.joining(" AND "));
    }

    public SearchConnection search(String query, List<SearchType> types, Filter filter, PageRequest page) {
        return search(query, types, filter, null, page, true, true);
    }

    static final Order DEFAULT_ORDER = new Order(Order.Field.SCORE, SortDirection.DESC);

    /** The filter's values as the query's parameter, null (no condition) when none is given. */
    private static @Nullable <T> List<String> values(@Nullable List<T> given, Function<T, String> parameter) {
        if (given == null || given.isEmpty()) {
            return null;
        }
        return given.stream().filter(Objects::nonNull).map(parameter).distinct().toList();
    }

    /**
     * Without {@code facetsNeeded} the facet counts (and their labels) are neither computed nor returned; without
     * {@code highlightsNeeded} no hit's texts are marked (a word-by-word pass over each description).
     */
    public SearchConnection search(String query, List<SearchType> types, Filter filter, @Nullable Order order,
                                   PageRequest page, boolean facetsNeeded, boolean highlightsNeeded) {
        String lucene = luceneQuery(query);
        Map<String, Object> params = new HashMap<>();
        params.put("query", lucene);
        params.put("exact", AliasIndex.key(query));
        params.put("labels", types == null || types.isEmpty() ? null : types.stream().map(SearchType::label).toList());
        params.put("slug", Slugs.of(query));
        params.put("folded", CatalogueSortKeys.of(query));
        Filter f = filter == null ? new Filter(null, null, null, null, null) : filter;
        params.put("producers", values(f.producer(), code -> CatalogueRepository.code("producer", code)));
        params.put("themes", values(f.theme(), code -> code));
        params.put("geoLevels", values(f.geoLevel(), GeoLevel::name));
        params.put("accessLevels", values(f.accessLevel(), AccessLevel::name));
        params.put("datasets", values(f.dataset(), code -> CatalogueRepository.code("dataset", code)));
        params.put("offset", page.offset());
        params.put("end", page.offset() + page.limit());
        String matches = MATCHES.formatted((order == null ? DEFAULT_ORDER : order).cypher());
        Map<String, Object> row = neo4j.query(facetsNeeded ? matches + FACETS + PAGE + FACET_COLUMNS : matches + PAGE)
                .bindAll(params).fetch().one().orElseThrow();
        long total = Rows.number(row, "total");
        List<String> terms = Highlighter.markedTerms(Highlighter.terms(query));
        List<SearchHit> hits = new ArrayList<>();
        for (Map<String, Object> hit : maps(row.get("page"))) {
            Map<String, Object> props = Rows.map(hit, "props");
            SearchType type = SearchType.ofLabel((String) hit.get("label"));
            hits.add(new SearchHit(((Number) Rows.get(hit, "score")).doubleValue(), type,
                    highlightsNeeded ? highlights(props, terms) : List.of(), node(type, props)));
        }
        Facets facets = facetsNeeded ? facets(row) : null;
        return new SearchConnection(pagination.connection(hits, page, total), facets);
    }

    /** The facet counts of the row, with the display names of types, producers, themes and levels. */
    private Facets facets(Map<String, Object> row) {
        List<FacetCount> types = facet(row.get("types"), Map.of()).stream()
                .map(f -> new FacetCount(SearchType.ofLabel(f.value()).name(), f.value(), f.count())).toList();
        return new Facets(types,
                facet(row.get("producers"), labels("Producer", "name", row.get("producers"))),
                facet(row.get("themes"), labels("Theme", "name", row.get("themes"))),
                facet(row.get("geoLevels"), geoLabels()),
                facet(row.get("accessLevels"), Map.of()));
    }

    private static Object node(SearchType type, Map<String, Object> props) {
        return switch (type) {
            case INDICATOR -> Indicator.from(Values.value(props));
            case DATASET -> Dataset.from(Values.value(props));
            case DATA_SERVICE -> DataService.from(Values.value(props));
            case PRODUCER -> Producer.from(Values.value(props));
            case VARIABLE -> Variable.from(Values.value(props));
        };
    }

    private static List<Highlight> highlights(Map<String, Object> props, List<String> terms) {
        List<Highlight> highlights = new ArrayList<>();
        for (String field : TEXT_FIELDS) {
            Object value = props.get(field);
            if (value instanceof String text) {
                String fragment = Highlighter.highlight(text, terms);
                if (fragment != null) {
                    highlights.add(new Highlight(field, fragment));
                }
            }
        }
        return highlights;
    }

    /** Display names of the facet values, in one query (label and property are constants). */
    private Map<String, String> labels(String label, String property, @Nullable Object facet) {
        List<String> codes = maps(facet).stream().map(f -> (String) f.get("value")).toList();
        Map<String, String> names = new HashMap<>();
        neo4j.query("MATCH (n:" + label + ") WHERE n.code IN $codes RETURN n.code AS code, n." + property + " AS name")
                .bind(codes).to("codes").fetch().all()
                .forEach(r -> names.put((String) r.get("code"), (String) r.get("name")));
        return names;
    }

    private static Map<String, String> geoLabels() {
        Map<String, String> names = new HashMap<>();
        for (GeoLevel level : GeoLevel.values()) {
            names.put(level.name(), level.label());
        }
        return names;
    }

    private static List<FacetCount> facet(@Nullable Object value, Map<String, String> labels) {
        return maps(value).stream().map(f -> new FacetCount((String) f.get("value"), labels.get((String) f.get("value")),
                Math.toIntExact(Rows.number(f, "count")))).toList();
    }


    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> maps(@Nullable Object value) {
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }
}
