package fr.santegraph.dcat;

import fr.santegraph.common.TextFolding;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.springframework.lang.Nullable;

/**
 * What the DCAT-AP export describes, independent of where it is read from: the graph reader builds these,
 * {@link DcatMapper} turns them into RDF. Ids are business keys (slugs, codes); the mapper makes every IRI from
 * them under the base URI, so nothing is a blank node and exports can be diffed.
 */
public final class DcatRecords {

    private DcatRecords() {
    }

    /** What kind of catalogue object a dataset record is; also the path segment of its URI. */
    public enum DatasetKind {
        DATASET("dataset"), INDICATOR("indicator");

        private final String segment;

        DatasetKind(String segment) {
            this.segment = segment;
        }

        public String segment() {
            return segment;
        }
    }

    /** One item of a catalogue page: a dataset (or indicator) or a data service. */
    public sealed interface CatalogEntry permits Dataset, DataService {
        String id();
    }

    /** The catalogue itself; its language is French. */
    public record Catalog(String title, String description, Agent publisher, String homepage,
                          @Nullable LocalDate modified) {
        public Catalog {
            require(title, "catalog title");
            require(description, "catalog description");
            Objects.requireNonNull(publisher, "catalog publisher");
        }
    }

    /** A producer or publisher ({@code foaf:Agent}). */
    public record Agent(String id, String name, @Nullable String homepage) {
        public Agent {
            require(id, "agent id");
            require(name, "agent name");
        }
    }

    /** A contact point ({@code vcard:Kind}); at least one of email or url is expected by harvesters. */
    public record Contact(String name, @Nullable String email, @Nullable String url) {
        public Contact {
            require(name, "contact name");
        }
    }

    /** A licence; its IRI is made from {@code id} under the base URI, {@code url} is the published text. */
    public record Licence(String id, String title, @Nullable String url) {

        /** Licence Ouverte / Open Licence 2.0 (Etalab), as udata and data.gouv.fr name it. */
        public static final Licence ETALAB_2 = new Licence("licence-ouverte-2-0", "Licence Ouverte / Open Licence 2.0",
                "https://www.etalab.gouv.fr/licence-ouverte-open-licence");
        /** Open Database License 1.0. */
        public static final Licence ODBL = new Licence("odbl-1-0", "Open Database License (ODbL) 1.0",
                "https://opendatacommons.org/licenses/odbl/1-0/");

        /** Whether {@code url} is the URI of a licence harvesters match on (then it names the licence itself). */
        public static boolean isKnown(String url) {
            return url.equals(ETALAB_2.url()) || url.equals(ODBL.url());
        }

        /** The licence a published name means: a known one by its URI, else a licence of its own. */
        public static @Nullable Licence named(String name) {
            String folded = TextFolding.fold(name);
            if (folded.contains("licence ouverte") || folded.contains("open licence") || folded.contains("etalab")) {
                return ETALAB_2;
            }
            if (folded.contains("odbl") || folded.contains("open database")) {
                return ODBL;
            }
            return null;
        }

        public Licence {
            require(id, "licence id");
            require(title, "licence title");
        }
    }

    /** A theme of the project's own scheme ({@code skos:Concept}). */
    public record Theme(String id, String label) {
        public Theme {
            require(id, "theme id");
            require(label, "theme label");
        }
    }

    /** Spatial coverage: a territory id ({@code region:84}) or a country ({@code country:FRA}). */
    public record Place(String id, String label, @Nullable double[] bbox) {
        public static final Place FRANCE = new Place("country:FRA", "France");

        public Place {
            require(id, "place id");
            require(label, "place label");
            if (bbox != null && bbox.length != 4) {
                throw new IllegalArgumentException("a bounding box is west, south, east, north");
            }
        }

        /** A place without a geometry. */
        public Place(String id, String label) {
            this(id, label, null);
        }

        /** {@code dcat:bbox} as GeoSPARQL WKT: the box's polygon, counter-clockwise from its south-west corner. */
        public @Nullable String bboxWkt() {
            if (bbox == null) {
                return null;
            }
            double w = bbox[0];
            double s = bbox[1];
            double e = bbox[2];
            double n = bbox[3];
            return "POLYGON((" + w + " " + s + ", " + e + " " + s + ", " + e + " " + n + ", " + w + " " + n + ", "
                    + w + " " + s + "))";
        }

        public boolean isCountry() {
            return id.startsWith("country:");
        }
    }

    /** Temporal coverage; either end may be open. */
    public record Period(LocalDate start, @Nullable LocalDate end) {
    }

    /**
     * A distribution of a dataset; {@code format} is an EU file-type code (CSV, XLSX, HTML…), {@code mediaType} and
     * {@code compressFormat} IANA media types of the file at {@code downloadUrl}, {@code service} the code of the
     * data service it is read through.
     */
    public record Distribution(String id, @Nullable String title, @Nullable String accessUrl,
                               @Nullable String downloadUrl, @Nullable String format, @Nullable Licence licence,
                               @Nullable String mediaType, @Nullable String compressFormat, @Nullable String service) {

        public Distribution(String id, String title, @Nullable String accessUrl, @Nullable String downloadUrl,
                            String format, @Nullable Licence licence) {
            this(id, title, accessUrl, downloadUrl, format, licence, null, null, null);
        }

        public Distribution {
            require(id, "distribution id");
            require(accessUrl, "distribution access URL");
        }
    }

    /**
     * A dataset series ({@code dcat:DatasetSeries}): the producer base or family an indicator belongs to, as one of
     * its members names it. {@code lead}: this member is the series' first by code, the one whose catalogue page
     * describes the series in full (the others' pages name it by URI only, as datasets are).
     */
    public record Series(String id, String title, String description, @Nullable Agent publisher,
                         @Nullable Contact contact, boolean lead) {
        public Series {
            require(id, "series id");
            require(title, "series title");
            require(description, "series description");
        }

        public Series(String id, String title, String description, Agent publisher, boolean lead) {
            this(id, title, description, publisher, null, lead);
        }

        /** A series named by its lead member (or standing alone). */
        public Series(String id, String title, String description, Agent publisher) {
            this(id, title, description, publisher, true);
        }
    }

    /** A table of a dataset as its published schema describes it (the SNDS tables), for CSVW. */
    public record TableSchema(@Nullable String name, @Nullable String title, List<ColumnSchema> columns) {
        public TableSchema {
            require(name, "table name");
            columns = columns == null ? List.of() : List.copyOf(columns);
        }
    }

    /** A column of a table: its name, description and Table Schema type (string, integer, date…). */
    public record ColumnSchema(@Nullable String name, @Nullable String description, @Nullable String type) {
        public ColumnSchema {
            require(name, "column name");
        }
    }

    /** Enough of a dataset described elsewhere to point at it (source of an indicator, dataset a service serves). */
    public record DatasetRef(DatasetKind kind, String id, String title, String description) {
        public DatasetRef {
            Objects.requireNonNull(kind, "dataset kind");
            require(id, "dataset id");
            require(title, "dataset title");
            require(description, "dataset description");
        }
    }

    /**
     * A dataset, or an indicator exported as a dataset (kind INDICATOR, in a {@code series}, derived from
     * {@code sources}).
     */
    public record Dataset(DatasetKind kind, String id, String title, String description, @Nullable Agent publisher,
                          @Nullable Agent creator, @Nullable Contact contact, List<String> keywords,
                          Set<EuDataTheme> euThemes, List<Theme> themes, List<Place> spatial, @Nullable Period temporal,
                          @Nullable EuFrequency frequency, @Nullable EuAccessRight accessLevel,
                          @Nullable String landingPage, List<Distribution> distributions, @Nullable Series series,
                          List<DatasetRef> sources, @Nullable LocalDate modified) implements CatalogEntry {
        public Dataset {
            Objects.requireNonNull(kind, "dataset kind");
            require(id, "dataset id");
            require(title, "dataset title");
            require(description, "dataset description");
            keywords = keywords == null ? List.of() : List.copyOf(keywords);
            euThemes = euThemes == null ? Set.of() : Set.copyOf(euThemes);
            themes = themes == null ? List.of() : List.copyOf(themes);
            spatial = spatial == null ? List.of() : List.copyOf(spatial);
            distributions = distributions == null ? List.of() : List.copyOf(distributions);
            sources = sources == null ? List.of() : List.copyOf(sources);
        }

        public DatasetRef ref() {
            return new DatasetRef(kind, id, title, description);
        }
    }

    /** A data service (API, portal query tool) with its endpoint and the datasets it serves. */
    public record DataService(String id, String title, @Nullable String description, String endpointUrl,
                              @Nullable String endpointDescription, @Nullable Agent publisher,
                              @Nullable Licence licence, @Nullable EuAccessRight accessLevel, Set<EuDataTheme> euThemes,
                              @Nullable String landingPage, List<DatasetRef> servesDatasets) implements CatalogEntry {
        public DataService {
            require(id, "data service id");
            require(title, "data service title");
            require(endpointUrl, "data service endpoint URL");
            euThemes = euThemes == null ? Set.of() : Set.copyOf(euThemes);
            servesDatasets = servesDatasets == null ? List.of() : List.copyOf(servesDatasets);
        }
    }

    /** One page of the catalogue: entries {@code [(page-1)*pageSize, page*pageSize)} of {@code totalItems}. */
    public record Page(int number, int pageSize, long totalItems, List<CatalogEntry> entries) {
        public Page {
            if (number < 1 || pageSize < 1) {
                throw new IllegalArgumentException("page " + number + " of size " + pageSize);
            }
            entries = List.copyOf(entries);
        }

        public int lastPage() {
            return lastPage(totalItems, pageSize);
        }

        public static int lastPage(long totalItems, int pageSize) {
            return (int) Math.max(1, (totalItems + pageSize - 1) / pageSize);
        }
    }

    private static void require(@Nullable String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing");
        }
    }
}
