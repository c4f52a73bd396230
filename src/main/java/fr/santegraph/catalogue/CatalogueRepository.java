package fr.santegraph.catalogue;

import fr.santegraph.common.BatchResults;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.Pagination;
import fr.santegraph.common.ReadTransaction;
import fr.santegraph.common.Rows;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
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
    public static @Nullable String code(String prefix, @Nullable String idOrCode) {
        return idOrCode == null ? null : idOrCode.startsWith(prefix + ":") ? idOrCode.substring(prefix.length() + 1) : idOrCode;
    }

    /** The nodes of {@code label} with these ids, as map projections, in one query. */
    public List<Value> findByIds(String label, Collection<String> ids) {
        return List.copyOf(neo4j.query("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN n {.*} AS n")
                .bind(List.copyOf(ids)).to("ids").fetchAs(Value.class).mappedBy((types, row) -> row.get("n")).all());
    }

    public Optional<Value> findById(String label, String id) {
        return neo4j.query("MATCH (n:" + label + " {id: $id}) RETURN n {.*} AS n")
                .bind(id).to("id").fetchAs(Value.class).mappedBy((types, row) -> row.get("n")).one();
    }

    /**
     * For each source id, the nodes {@code o} reached by {@code pattern} from the node {@code s} (the pattern must
     * bind {@code s} with {@code {id: id}}), as map projections ordered by id: one query for all sources.
     */
    public Map<String, List<Value>> related(Collection<String> ids, String pattern) {
        Map<String, List<Value>> result = new HashMap<>();
        neo4j.query("UNWIND $ids AS id MATCH " + pattern + " WITH id, o ORDER BY o.id RETURN id, collect(DISTINCT o {.*}) AS items")
                .bind(ids).to("ids").fetchAs(Record.class).mappedBy((types, row) -> row).all()
                .forEach(row -> result.put(row.get("id").asString(), row.get("items").asList(item -> item)));
        return result;
    }

    /** For each source id, how many nodes the pattern reaches. */
    public Map<String, Integer> count(Collection<String> ids, String pattern) {
        Map<String, Integer> result = new HashMap<>();
        neo4j.query("UNWIND $ids AS id OPTIONAL MATCH " + pattern + " RETURN id, count(DISTINCT o) AS n")
                .bind(ids).to("ids")
                .fetch().all().forEach(row -> result.put(Rows.text(row, "id"), Math.toIntExact(Rows.number(row, "n"))));
        return result;
    }

    /** One page of nodes of a label matching all conditions, sorted on {@code sortKey} (on {@code n}), with the total when asked. */
    public <T> CountedConnection<T> page(String label, List<String> conditions, Map<String, Object> parameters,
                                         String sortKey, boolean descending, PageRequest page, boolean countTotal,
                                         Function<Value, T> mapper) {
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        Map<String, Object> params = new HashMap<>(parameters);
        params.put("offset", page.offset());
        params.put("limit", page.lookAhead());
        List<T> items = neo4j.query("MATCH (n:" + label + ")" + where + " RETURN n {.*} AS n ORDER BY " + sortKey
                        + (descending ? " DESC" : "") + ", n.id SKIP $offset LIMIT $limit")
                .bindAll(params).fetchAs(Value.class).mappedBy((types, row) -> row.get("n")).all()
                .stream().map(mapper).toList();
        Long total = null;
        if (countTotal) {
            total = neo4j.query("MATCH (n:" + label + ")" + where + " RETURN count(n) AS total")
                    .bindAll(parameters).fetchAs(Long.class).one().orElse(0L);
        }
        return pagination.connectionFromLookAhead(items, page, total);
    }

    /** Batch-mapping result: each source object → the mapped related objects of its id (empty when none). */
    public <S, T> Map<S, List<T>> relatedBy(List<S> sources, Function<S, String> id, String pattern,
                                           Function<Value, T> mapper) {
        return BatchResults.lists(sources, id, ids -> mapped(related(ids, pattern), mapper));
    }

    /** Batch-mapping result for a single related object (the first by id); sources without one are left out. */
    public <S, T> Map<S, T> relatedOneBy(List<S> sources, Function<S, String> id, String pattern,
                                        Function<Value, T> mapper) {
        return BatchResults.ones(sources, id, ids -> BatchResults.firsts(mapped(related(ids, pattern), mapper)));
    }

    /** Batch-mapping result: each source object → how many nodes the pattern reaches from it. */
    public <S> Map<S, Integer> countBy(List<S> sources, Function<S, String> id, String pattern) {
        return BatchResults.bySource(sources, id, ids -> count(ids, pattern), 0);
    }

    private static <T> Map<String, List<T>> mapped(Map<String, List<Value>> byId, Function<Value, T> mapper) {
        Map<String, List<T>> result = new HashMap<>();
        byId.forEach((key, items) -> result.put(key, items.stream().map(mapper).toList()));
        return result;
    }
}
