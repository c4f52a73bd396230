package fr.santegraph.catalogue;

import fr.santegraph.common.NodeLookup;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.neo4j.driver.Value;

/**
 * {@code node(id)} for the catalogue ids of one feature ({@code producer:…}, {@code dataset:…}…): each feature
 * names its id prefixes, the label its nodes carry and how a node becomes its GraphQL object.
 */
public abstract class CatalogueNodeLookup implements NodeLookup {

    /** One kind of id: the label of its nodes and their mapping. */
    public record Kind(String label, Function<Value, Object> mapper) {
    }

    private final CatalogueRepository catalogue;
    private final Map<String, Kind> kinds;

    protected CatalogueNodeLookup(CatalogueRepository catalogue, Map<String, Kind> kindsByPrefix) {
        this.catalogue = catalogue;
        this.kinds = Map.copyOf(kindsByPrefix);
    }

    @Override
    public boolean handles(String id) {
        int colon = id.indexOf(':');
        return colon > 0 && kinds.containsKey(id.substring(0, colon));
    }

    @Override
    public Map<String, Object> findAll(Collection<String> ids) {
        Map<String, List<String>> byLabel = new HashMap<>();
        ids.forEach(id -> byLabel.computeIfAbsent(kindOf(id).label(),
                k -> new ArrayList<>()).add(id));
        Map<String, Object> found = new HashMap<>();
        byLabel.forEach((label, itsIds) -> catalogue.findByIds(label, itsIds).forEach(node -> {
            String id = node.get("id").asString();
            found.put(id, kindOf(id).mapper().apply(node));
        }));
        return found;
    }

    @Override
    public Optional<?> find(String id) {
        Kind kind = kindOf(id);
        return catalogue.findById(kind.label(), id).map(kind.mapper());
    }

    /** The kind an id's prefix names; the node resolver asks only for ids this lookup {@link #handles}. */
    private Kind kindOf(String id) {
        int colon = id.indexOf(':');
        Kind kind = colon > 0 ? kinds.get(id.substring(0, colon)) : null;
        if (kind == null) {
            throw new IllegalArgumentException("not a catalogue id: " + id);
        }
        return kind;
    }
}
