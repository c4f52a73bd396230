package fr.santegraph.dataset;

import fr.santegraph.catalogue.CatalogueNodeLookup;
import fr.santegraph.catalogue.CatalogueRepository;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code node(id)} for {@code dataset:…}, {@code dataservice:…}, {@code table:…} and {@code variable:…} ids. */
@Component
class DatasetNodeLookup extends CatalogueNodeLookup {

    DatasetNodeLookup(CatalogueRepository catalogue) {
        super(catalogue, Map.of(
                "dataset", new Kind("Dataset", Dataset::from),
                "dataservice", new Kind("DataService", DataService::from),
                "table", new Kind("Table", Table::from),
                "variable", new Kind("Variable", Variable::from)));
    }
}
