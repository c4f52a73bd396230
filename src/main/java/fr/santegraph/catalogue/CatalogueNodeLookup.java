package fr.santegraph.catalogue;

import fr.santegraph.common.NodeLookup;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * {@code node(id)} for the catalogue ids of one feature ({@code producer:…}, {@code dataset:…}…): each feature
 * names its id prefixes, the label its nodes carry and how a node becomes its GraphQL object.
 */
public abstract class CatalogueNodeLookup implements NodeLookup {

    /** One kind of id: the label of its nodes and their mapping. */
    public record Kind(String label, Function<Map<String, Object>, Object> mapper) {
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
    public Optional<?> find(String id) {
        Kind kind = kinds.get(id.substring(0, id.indexOf(':')));
        return catalogue.findById(kind.label(), id).map(kind.mapper());
    }
}
