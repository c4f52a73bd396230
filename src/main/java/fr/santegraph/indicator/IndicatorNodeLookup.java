package fr.santegraph.indicator;

import fr.santegraph.catalogue.CatalogueNodeLookup;
import fr.santegraph.catalogue.CatalogueRepository;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code node(id)} for {@code indicator:…} ids. */
@Component
class IndicatorNodeLookup extends CatalogueNodeLookup {

    IndicatorNodeLookup(CatalogueRepository catalogue) {
        super(catalogue, Map.of("indicator", new Kind("Indicator", Indicator::from)));
    }
}
