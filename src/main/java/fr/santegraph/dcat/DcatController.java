package fr.santegraph.dcat;

import static fr.santegraph.dcat.RdfResponses.error;
import static fr.santegraph.dcat.RdfResponses.negotiated;
import static fr.santegraph.dcat.RdfResponses.rdf;

import fr.santegraph.common.GraphVersion;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.jena.rdf.model.Model;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The DCAT-AP catalogue for harvesters: {@code /catalog} (paged, content-negotiated) and {@code /id/{type}/{id}}
 * (one object's RDF). HEAD answers like GET without the body, since ckanext-dcat sends HEAD first; nothing ever
 * redirects, since udata counts a redirect as a failure.
 */
@RestController
public class DcatController {

    private final DcatMapper mapper;
    private final DcatProperties properties;
    private final ObjectProvider<DcatSource> sources;
    private final DcatPageCache pageCache;

    public DcatController(DcatMapper mapper, DcatProperties properties, ObjectProvider<DcatSource> sources,
                          ObjectProvider<GraphVersion> embeddedVersion) {
        this.mapper = mapper;
        this.properties = properties;
        this.sources = sources;
        this.pageCache = new DcatPageCache(properties.pageCacheTtl(), properties.pageCacheMb() * 1024L * 1024L,
                embeddedVersion.getIfAvailable(), Clock.systemUTC());
    }

    @RequestMapping(path = {"/catalog", "/catalog.{ext}"}, method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<byte[]> catalog(@PathVariable(required = false) String ext,
                                          @RequestParam(required = false) String format,
                                          @RequestParam(required = false) String page,
                                          @RequestParam(required = false) String profile,
                                          @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                          @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false)
                                          String acceptEncoding,
                                          HttpMethod method) {
        boolean health = profile != null && profile.strip().equalsIgnoreCase(DcatUris.HEALTH_PROFILE);
        if (profile != null && !health && !profile.strip().equalsIgnoreCase("dcat-ap")) {
            return error(HttpStatus.BAD_REQUEST, "profile must be dcat-ap (the default) or " + DcatUris.HEALTH_PROFILE
                    + ", not '" + profile + "'");
        }
        return negotiated(ext, format, accept, chosen -> {
            Optional<DcatExporter> exporter = exporter();
            if (exporter.isEmpty()) {
                return noSource();
            }
            int number;
            try {
                number = page == null ? 1 : Integer.parseInt(page.strip());
            } catch (NumberFormatException e) {
                return error(HttpStatus.BAD_REQUEST, "page must be a whole number from 1, not '" + page + "'");
            }
            Supplier<byte[]> write = () -> RdfResponses.write(
                    health ? exporter.get().healthPage(number) : exporter.get().page(number), chosen);
            if (!pageCache.enabled()) {
                try {
                    return rdf(write.get(), chosen, method, CacheControl.empty());
                } catch (IllegalArgumentException e) {
                    return error(HttpStatus.BAD_REQUEST, e.getMessage());
                }
            }
            // Kept gzipped: a national walk is ~67 MB of Turtle, which a 64 MB cache read in order (least recently
            // read first out) would never hold; gzipped it is ~10 MB.
            byte[] gzipped;
            try {
                gzipped = pageCache.page(health ? DcatUris.HEALTH_PROFILE : "", number, chosen,
                        () -> RdfResponses.gzip(write.get()));
            } catch (IllegalArgumentException e) {
                return error(HttpStatus.BAD_REQUEST, e.getMessage());
            }
            // Proxies in front of the service may keep the page as long as this service does.
            return RdfResponses.gzippedRdf(gzipped, chosen, method,
                    CacheControl.maxAge(properties.pageCacheTtl()).cachePublic(), acceptEncoding);
        });
    }

    @RequestMapping(path = "/id/{type}/{id}", method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<byte[]> object(@PathVariable String type, @PathVariable String id,
                                         @RequestParam(required = false) String format,
                                         @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                         HttpMethod method) {
        return described(format, accept, method, exporter -> exporter.object(type, id),
                "no " + type + " with id '" + id + "' in the catalogue");
    }

    @RequestMapping(path = "/id/theme", method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<byte[]> themeScheme(@RequestParam(required = false) String format,
                                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                              HttpMethod method) {
        return negotiated(null, format, accept, chosen -> exporter().map(e -> rdf(e.themeScheme(), chosen, method))
                .orElseGet(DcatController::noSource));
    }

    /** A part of an object (a distribution, a period, a contact point): answered with its owner's description. */
    @RequestMapping(path = {"/id/{type}/{id}/{kind}", "/id/{type}/{id}/{kind}/{part}",
                            "/id/{type}/{id}/{kind}/{part}/column/{column}"}, method = {RequestMethod.GET, RequestMethod.HEAD})
    public ResponseEntity<byte[]> part(@PathVariable String type, @PathVariable String id, @PathVariable String kind,
                                       @PathVariable(required = false) String part,
                                       @PathVariable(required = false) String column,
                                       @RequestParam(required = false) String format,
                                       @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                                       HttpMethod method) {
        String owned = mapper.uris().part(mapper.uris().object(type, id), kind, part);
        // A column of a table (HealthDCAT-AP's CSVW structure): .../table/T_X/column/C.
        String partUri = column == null ? owned : mapper.uris().part(owned, "column", column);
        return described(format, accept, method, exporter -> exporter.part(type, id, partUri),
                "no " + kind + " of " + type + " '" + id + "' in the catalogue");
    }

    /** One resource's RDF in the negotiated format, 404 with {@code notFound} when the lookup finds nothing. */
    private ResponseEntity<byte[]> described(String format, String accept, HttpMethod method,
                                             Function<DcatExporter, Optional<Model>> lookup, String notFound) {
        return negotiated(null, format, accept, chosen -> {
            Optional<DcatExporter> exporter = exporter();
            if (exporter.isEmpty()) {
                return noSource();
            }
            return lookup.apply(exporter.get()).map(model -> rdf(model, chosen, method))
                    .orElseGet(() -> error(HttpStatus.NOT_FOUND, notFound));
        });
    }

    private Optional<DcatExporter> exporter() {
        return Optional.ofNullable(sources.getIfAvailable()).map(source -> new DcatExporter(source, mapper, properties));
    }

    private static ResponseEntity<byte[]> noSource() {
        return error(HttpStatus.SERVICE_UNAVAILABLE, "this build has no catalogue to export");
    }
}
