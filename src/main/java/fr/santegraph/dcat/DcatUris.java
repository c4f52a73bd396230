package fr.santegraph.dcat;

import fr.santegraph.dcat.DcatRecords.DatasetKind;
import java.nio.charset.StandardCharsets;
import org.springframework.lang.Nullable;
import org.springframework.web.util.UriUtils;

/**
 * The one HTTP URI of every exported object, under {@code santegraph.base-uri}: {@code <base>/id/<type>/<id>}
 * dereferences to the object's RDF, and GraphQL's {@code uri} fields return the same string.
 */
public final class DcatUris {

    public static final String DATASET = "dataset";
    public static final String INDICATOR = "indicator";
    public static final String SERVICE = "service";
    public static final String SERIES = "series";
    public static final String AGENT = "agent";
    public static final String THEME = "theme";
    public static final String LICENCE = "licence";

    private final String base;

    public DcatUris(String baseUri) {
        if (baseUri == null || !baseUri.matches("https?://[^\\s?#]+")) {
            throw new IllegalArgumentException("santegraph.base-uri must be an http(s) URI without query or fragment, not '" + baseUri + "'");
        }
        this.base = baseUri.endsWith("/") ? baseUri.substring(0, baseUri.length() - 1) : baseUri;
    }

    public String base() {
        return base;
    }

    public String catalog() {
        return base + "/catalog";
    }

    public String page(int page) {
        return base + "/catalog?page=" + page;
    }

    /** A page of the HealthDCAT-AP view of the catalogue. */
    public String healthPage(int page) {
        return base + "/catalog?profile=" + HEALTH_PROFILE + "&page=" + page;
    }

    /** The {@code profile} value of the HealthDCAT-AP view. */
    public static final String HEALTH_PROFILE = "healthdcat-ap";

    public String object(String type, String id) {
        return base + "/id/" + type + "/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }

    public String dataset(DatasetKind kind, String id) {
        return object(kind.segment(), id);
    }

    public String service(String id) {
        return object(SERVICE, id);
    }

    public String series(String id) {
        return object(SERIES, id);
    }

    public String agent(String id) {
        return object(AGENT, id);
    }

    public String licence(String id) {
        return object(LICENCE, id);
    }

    public String theme(String id) {
        return object(THEME, id);
    }

    public String themeScheme() {
        return base + "/id/theme";
    }

    /** A territory's URI ({@code <base>/id/territory/region:84}); countries use the EU country authority. */
    public String place(DcatRecords.Place place) {
        return place.isCountry() ? DcatAp.country(place.id().substring("country:".length())).getURI()
                : object("territory", place.id());
    }

    /** Parts of an object (distribution, contact point, period) hang under its URI: stable, never blank nodes. */
    public String part(String ownerUri, String kind, @Nullable String id) {
        return ownerUri + "/" + kind + (id == null ? "" : "/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8));
    }
}
