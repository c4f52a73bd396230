package fr.santegraph.dcat;

import fr.santegraph.dataset.DataService;
import fr.santegraph.dataset.Dataset;
import fr.santegraph.dcat.DcatRecords.Place;
import fr.santegraph.indicator.Indicator;
import fr.santegraph.producer.Producer;
import fr.santegraph.territory.Territory;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * The {@code uri} fields of GraphQL objects: the same string as the object's IRI in the DCAT-AP export. Each only
 * builds a string from the code already loaded: no query, so no batching is needed.
 */
@Controller
public class DcatUriController {

    private final DcatUris uris;

    public DcatUriController(DcatUris uris) {
        this.uris = uris;
    }

    @SchemaMapping(typeName = "Dataset", field = "uri")
    public String datasetUri(Dataset dataset) {
        return uris.dataset(DcatRecords.DatasetKind.DATASET, dataset.code());
    }

    @SchemaMapping(typeName = "DataService", field = "uri")
    public String dataServiceUri(DataService service) {
        return uris.service(service.code());
    }

    @SchemaMapping(typeName = "Indicator", field = "uri")
    public String indicatorUri(Indicator indicator) {
        return uris.dataset(DcatRecords.DatasetKind.INDICATOR, indicator.code());
    }

    @SchemaMapping(typeName = "Producer", field = "uri")
    public String producerUri(Producer producer) {
        return uris.agent(producer.code());
    }

    @SchemaMapping(typeName = "Territory", field = "uri")
    public String territoryUri(Territory territory) {
        return uris.place(new Place(territory.id(), territory.name()));
    }
}
