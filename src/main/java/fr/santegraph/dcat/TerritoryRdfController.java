package fr.santegraph.dcat;

import static fr.santegraph.dcat.RdfResponses.error;
import static fr.santegraph.dcat.RdfResponses.negotiated;
import static fr.santegraph.dcat.RdfResponses.rdf;

import fr.santegraph.dcat.DcatRecords.Place;
import fr.santegraph.territory.TerritoryService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /id/territory/{id}}: the territory a dataset's {@code dct:spatial} points to, as a {@code dct:Location}. */
@RestController
public class TerritoryRdfController {

    private final TerritoryService territories;
    private final DcatMapper mapper;

    public TerritoryRdfController(TerritoryService territories, DcatMapper mapper) {
        this.territories = territories;
        this.mapper = mapper;
    }

    @RequestMapping(path = "/id/territory/{id}", method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<byte[]> territory(@PathVariable String id, @RequestParam(required = false) String format,
                                            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                            HttpMethod method) {
        return negotiated(null, format, accept, chosen -> territories.findById(id)
                .map(t -> rdf(mapper.location(new Place(t.id(), t.name(), area(t.id())), t.code(),
                        t.centroid() == null ? null : new double[] {t.centroid().longitude(), t.centroid().latitude()}), chosen, method))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "no territory with id '" + id + "'")));
    }

    /** The box of a territory that covers an area (a commune alone is one point: its centroid says it). */
    private @Nullable double[] area(String id) {
        double[] box = territories.boundingBox(id);
        return box == null || (box[0] == box[2] && box[1] == box[3]) ? null : box;
    }
}
