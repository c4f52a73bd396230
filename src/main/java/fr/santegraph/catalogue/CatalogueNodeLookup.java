package fr.santegraph.catalogue;

import fr.santegraph.common.NodeLookup;
import fr.santegraph.dataset.DataService;
import fr.santegraph.dataset.Dataset;
import fr.santegraph.dataset.Table;
import fr.santegraph.dataset.Variable;
import fr.santegraph.indicator.Indicator;
import fr.santegraph.producer.Producer;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/** {@code node(id)} for catalogue ids: {@code producer:…}, {@code dataset:…}, {@code dataservice:…}, {@code indicator:…}, {@code table:…}, {@code variable:…}. */
@Component
class CatalogueNodeLookup implements NodeLookup {

    private record Kind(String label, Function<Map<String, Object>, Object> mapper) {
    }

    private static final Map<String, Kind> KINDS = Map.of(
            "producer", new Kind("Producer", Producer::of),
            "dataset", new Kind("Dataset", Dataset::of),
            "dataservice", new Kind("DataService", DataService::of),
            "indicator", new Kind("Indicator", Indicator::of),
            "table", new Kind("Table", Table::of),
            "variable", new Kind("Variable", Variable::of));

    private final CatalogueRepository catalogue;

    CatalogueNodeLookup(CatalogueRepository catalogue) {
        this.catalogue = catalogue;
    }

    @Override
    public boolean handles(String id) {
        int colon = id.indexOf(':');
        return colon > 0 && KINDS.containsKey(id.substring(0, colon));
    }

    @Override
    public Optional<?> find(String id) {
        Kind kind = KINDS.get(id.substring(0, id.indexOf(':')));
        return catalogue.findById(kind.label(), id).map(kind.mapper());
    }
}
