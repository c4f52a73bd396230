package fr.santegraph.catalogue;

import fr.santegraph.common.TextFolding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The key catalogue lists sort by name or title in French order ({@code sortName}: accents, case, apostrophes and
 * hyphens ignored, Œ as oe, so "Santé publique France" comes before "SETRA" and "Étude…" among the E). Cypher has no
 * such collation; the key is folded here and stored beside the name by every writer of a catalogue node.
 */
@Component
public class CatalogueSortKeys {

    /** The catalogue labels sorted by name or title: constants, never input. */
    static final List<String> LABELS = List.of("Producer", "Dataset", "DataService", "Indicator");

    private final Neo4jClient neo4j;

    public CatalogueSortKeys(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The sort key of a name or title. */
    public static @Nullable String of(@Nullable String name) {
        return name == null ? null : TextFolding.fold(name);
    }

    /** Recomputes the key of the nodes of {@code label} with these ids, writing only those that changed. */
    public void update(String label, Collection<?> ids) {
        requireLabel(label);
        List<Map<String, Object>> changed = new ArrayList<>();
        neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (n:%s {id: id})
                        RETURN n.id AS id, coalesce(n.name, n.title) AS name, n.sortName AS key""".formatted(label))
                .bind(List.copyOf(ids)).to("ids").fetch().all().forEach(row -> {
                    String key = of((String) row.get("name"));
                    if (!Objects.equals(key, row.get("key"))) {
                        changed.add(Map.of("id", row.get("id"), "key", key == null ? "" : key));
                    }
                });
        if (!changed.isEmpty()) {
            neo4j.query("UNWIND $rows AS row MATCH (n:%s {id: row.id}) SET n.sortName = row.key".formatted(label))
                    .bind(changed).to("rows").run();
        }
    }

    /** Gives a key to the catalogue nodes written before keys existed (a graph kept from an earlier version). */
    public void fillMissing() {
        for (String label : LABELS) {
            List<String> ids = neo4j.query("MATCH (n:%s) WHERE n.sortName IS NULL RETURN n.id AS id".formatted(label))
                    .fetchAs(String.class).all().stream().toList();
            for (int i = 0; i < ids.size(); i += 5_000) {
                update(label, ids.subList(i, Math.min(ids.size(), i + 5_000)));
            }
        }
    }

    private static void requireLabel(String label) {
        if (!LABELS.contains(label)) {
            throw new IllegalStateException("not a sorted catalogue label: " + label);
        }
    }
}
