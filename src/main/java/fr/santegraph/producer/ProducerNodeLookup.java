package fr.santegraph.producer;

import fr.santegraph.catalogue.CatalogueNodeLookup;
import fr.santegraph.catalogue.CatalogueRepository;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code node(id)} for {@code producer:…} ids. */
@Component
class ProducerNodeLookup extends CatalogueNodeLookup {

    ProducerNodeLookup(CatalogueRepository catalogue) {
        super(catalogue, Map.of("producer", new Kind("Producer", Producer::from)));
    }
}
