package fr.santegraph.dcat;

import fr.santegraph.dcat.DcatRecords.Place;
import fr.santegraph.territory.Territory;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** The {@code uri} fields of GraphQL objects: the same string as the object's IRI in the DCAT-AP export. */
@Controller
public class DcatUriController {

    private final DcatUris uris;

    public DcatUriController(DcatUris uris) {
        this.uris = uris;
    }

    /** Only builds a string from the id already loaded: no query, so no batching needed. */
    @SchemaMapping(typeName = "Territory", field = "uri")
    public String territoryUri(Territory territory) {
        return uris.place(new Place(territory.id(), territory.name()));
    }
}
