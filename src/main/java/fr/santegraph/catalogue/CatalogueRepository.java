package fr.santegraph.catalogue;

import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.Pagination;
import fr.santegraph.common.ReadTransaction;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Read queries shared by the catalogue's GraphQL controllers. Labels, patterns, conditions and sort properties
 * passed here are constants of the calling code; every value coming from a request is a parameter.
 */
@Component
@ReadTransaction
public class CatalogueRepository {

    private final Neo4jClient neo4j;
    private final Pagination pagination;

    public CatalogueRepository(Neo4jClient neo4j, Pagination pagination) {
        this.neo4j = neo4j;
        this.pagination = pagination;
    }

    /** "cnam" or "producer:cnam" → "producer:cnam". */
    public static String globalId(String prefix, String idOrCode) {
        return idOrCode.startsWith(prefix + ":") ? idOrCode : prefix + ":" + idOrCode;
    }

    /** "producer:cnam" or "cnam" → "cnam". */
    public static String code(String prefix, String idOrCode) {
        return idOrCode == null ? null : idOrCode.startsWith(prefix + ":") ? idOrCode.substring(prefix.length() + 1) : idOrCode;
    }

    /** The property maps of the nodes of {@code label} with these ids, in one query. */
    public List<Map<String, Object>> findByIds(String label, Collection<String> ids) {
        return neo4j.query("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN n {.*} AS n")
                .bind(List.copyOf(ids)).to("ids").fetch().all().stream().map(row -> castMap(row.get("n"))).toList();
    }

    public Optional<Map<String, Object>> findById(String label, String id) {
        return neo4j.query("MATCH (n:" + label + " {id: $id}) RETURN n {.*} AS n")
                .bind(id).to("id").fetch().one().map(row -> castMap(row.get("n")));
    }

    /**
     * For each source id, the property maps of the nodes {@code o} reached by {@code pattern} from the node
     * {@code s} (the pattern must bind {@code s} with {@code {id: id}}), ordered by id: one query for all sources.
     */
    public Map<String, List<Map<String, Object>>> related(Collection<String> ids, String pattern) {
        Map<String, List<Map<String, Object>>> result = new HashMap<>();
        neo4j.query("UNWIND $ids AS id MATCH " + pattern + " WITH id, o ORDER BY o.id RETURN id, collect(DISTINCT o {.*}) AS items")
                .bind(ids).to("ids")
                .fetch().all().forEach(row -> result.put((String) row.get("id"), castList(row.get("items"))));
        return result;
    }

    /** For each source id, how many nodes the pattern reaches. */
    public Map<String, Long> count(Collection<String> ids, String pattern) {
        Map<String, Long> result = new HashMap<>();
        neo4j.query("UNWIND $ids AS id OPTIONAL MATCH " + pattern + " RETURN id, count(DISTINCT o) AS n")
                .bind(ids).to("ids")
                .fetch().all().forEach(row -> result.put((String) row.get("id"), ((Number) row.get("n")).longValue()));
        return result;
    }

    /** One page of nodes of a label matching all conditions, sorted on {@code sortKey} (on {@code n}), with the total when asked. */
    public <T> CountedConnection<T> page(String label, List<String> conditions, Map<String, Object> parameters,
                                         String sortKey, boolean descending, PageRequest page, boolean countTotal,
                                         Function<Map<String, Object>, T> mapper) {
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Map<String, Object> params = new HashMap<>(parameters);
        params.put("offset", page.offset());
        params.put("limit", page.lookAhead());
        List<T> items = neo4j.query("MATCH (n:" + label + ")" + where + " RETURN n {.*} AS n ORDER BY " + sortKey
                        + (descending ? " DESC" : "") + ", n.id SKIP $offset LIMIT $limit")
                .bindAll(params).fetch().all().stream().map(row -> mapper.apply(castMap(row.get("n")))).toList();
        Long total = null;
        if (countTotal) {
            total = neo4j.query("MATCH (n:" + label + ")" + where + " RETURN count(n) AS total")
                    .bindAll(parameters).fetchAs(Long.class).one().orElse(0L);
        }
        return pagination.connectionFromLookAhead(items, page, total);
    }

    /** Batch-mapping result: each source object → the mapped related objects of its id (empty when none). */
    public <S, T> Map<S, List<T>> relatedBy(List<S> sources, Function<S, String> id, String pattern,
                                           Function<Map<String, Object>, T> mapper) {
        Map<String, List<Map<String, Object>>> byId = related(sources.stream().map(id).distinct().toList(), pattern);
        Map<S, List<T>> result = new LinkedHashMap<>();
        for (S source : sources) {
            result.put(source, byId.getOrDefault(id.apply(source), List.of()).stream().map(mapper).toList());
        }
        return result;
    }

    /** Batch-mapping result for a single related object (the first by id); sources without one are left out. */
    public <S, T> Map<S, T> relatedOneBy(List<S> sources, Function<S, String> id, String pattern,
                                        Function<Map<String, Object>, T> mapper) {
        Map<S, T> result = new LinkedHashMap<>();
        relatedBy(sources, id, pattern, mapper).forEach((source, items) -> {
            if (!items.isEmpty()) {
                result.put(source, items.get(0));
            }
        });
        return result;
    }

    public <S> Map<S, Integer> countBy(List<S> sources, Function<S, String> id, String pattern) {
        Map<String, Long> byId = count(sources.stream().map(id).distinct().toList(), pattern);
        Map<S, Integer> result = new LinkedHashMap<>();
        for (S source : sources) {
            result.put(source, byId.getOrDefault(id.apply(source), 0L).intValue());
        }
        return result;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> castList(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
