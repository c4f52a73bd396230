package fr.santegraph.dcat;

import fr.santegraph.dcat.DcatRecords.Agent;
import fr.santegraph.dcat.DcatRecords.Catalog;
import fr.santegraph.dcat.DcatRecords.CatalogEntry;
import fr.santegraph.dcat.DcatRecords.Contact;
import fr.santegraph.dcat.DcatRecords.DataService;
import fr.santegraph.dcat.DcatRecords.Dataset;
import fr.santegraph.dcat.DcatRecords.DatasetRef;
import fr.santegraph.dcat.DcatRecords.Distribution;
import fr.santegraph.dcat.DcatRecords.Licence;
import fr.santegraph.dcat.DcatRecords.Page;
import fr.santegraph.dcat.DcatRecords.Period;
import fr.santegraph.dcat.DcatRecords.Place;
import fr.santegraph.dcat.DcatRecords.Series;
import fr.santegraph.dcat.DcatRecords.Theme;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.IntFunction;
import java.util.regex.Pattern;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.GraphMemFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.irix.IRIException;
import org.apache.jena.irix.IRIx;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.util.NodeCmp;
import org.apache.jena.sparql.vocabulary.FOAF;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.jena.vocabulary.VCARD4;
import org.apache.jena.vocabulary.XSD;
import org.springframework.lang.Nullable;

/**
 * Records → DCAT-AP 3 RDF. Every node gets an IRI (no blank nodes), every object the catalogue points to is typed
 * (the SHACL range shapes check classes and nothing infers them), list-valued fields are sorted and the finished
 * model is rebuilt in sorted triple order: the same records always give the same bytes.
 */
public final class DcatMapper {

    private static final String FR = "fr";
    private static final Comparator<Triple> TRIPLE_ORDER = Comparator.comparing(Triple::getSubject, NodeCmp::compareRDFTerms)
            .thenComparing(Triple::getPredicate, NodeCmp::compareRDFTerms)
            .thenComparing(Triple::getObject, NodeCmp::compareRDFTerms);
    /** http(s), a host, then only characters an IRI may hold unescaped. */
    private static final Pattern HTTP_URL = Pattern.compile("https?://[^/\\s<>\"{}|\\\\^`?#]+[^\\s<>\"{}|\\\\^`]*");
    private static final Pattern FILE_TYPE = Pattern.compile("[A-Z0-9_]{2,30}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-zA-Z0-9!#$&^_.+-]{1,64}/[a-zA-Z0-9!#$&^_.+-]{1,64}");

    private final DcatUris uris;

    public DcatMapper(DcatUris uris) {
        this.uris = uris;
    }

    public DcatUris uris() {
        return uris;
    }

    /** One catalogue page: the catalog node, the Hydra paging node and the page's entries. */
    public Model page(Catalog catalog, Page page) {
        return page(catalog, page, uris::page);
    }

    /**
     * The same, its Hydra links built by {@code pageUri} (another view of the catalogue: a profile). Not rebuilt in
     * sorted order like the other descriptions: a page is ~40,000 triples, and {@link RdfFormat#write} streams Turtle
     * and N-Triples in sorted order straight from it (and sorts the rest), so the same records still give the same
     * bytes.
     */
    public Model page(Catalog catalog, Page page, IntFunction<String> pageUri) {
        Builder b = new Builder(true, pageUri);
        Resource cat = b.catalog(catalog);
        for (CatalogEntry entry : page.entries()) {
            if (entry instanceof Dataset dataset) {
                cat.addProperty(DCAT.dataset, b.dataset(dataset));
            } else if (entry instanceof DataService service) {
                cat.addProperty(DCAT.service, b.service(service));
            }
        }
        b.paging(page);
        return b.m;
    }

    /** One dataset or indicator, as {@code /id/dataset/{id}} answers. */
    public Model dataset(Dataset dataset) {
        Builder b = new Builder();
        b.dataset(dataset);
        return b.sorted();
    }

    /** One data service, as {@code /id/service/{id}} answers. */
    public Model service(DataService service) {
        Builder b = new Builder();
        b.service(service);
        return b.sorted();
    }

    /** A series with its members (a DCAT-AP series needs at least one {@code dcat:inSeries} pointing at it). */
    public Model series(Series series, List<DatasetRef> members) {
        Builder b = new Builder();
        Resource s = b.series(series);
        for (DatasetRef member : members) {
            b.ref(member).addProperty(DcatAp.inSeries, s);
        }
        return b.sorted();
    }

    /** A territory as a location: label, INSEE code and, when known, its centroid as a GeoSPARQL WKT point. */
    public Model location(Place place, String code, @Nullable double[] lonLat) {
        Builder b = new Builder();
        Resource r = b.place(place).addProperty(DCTerms.identifier, code);
        if (lonLat != null) {
            r.addProperty(DCAT.centroid, b.m.createTypedLiteral("POINT(" + lonLat[0] + " " + lonLat[1] + ")", DcatAp.WKT));
        }
        return b.sorted();
    }

    /** One agent, as {@code /id/agent/{id}} answers. */
    public Model agent(Agent agent) {
        Builder b = new Builder();
        b.agent(agent);
        return b.sorted();
    }

    /** One project theme, as {@code /id/theme/{id}} answers. */
    public Model theme(Theme theme) {
        Builder b = new Builder();
        b.theme(theme);
        return b.sorted();
    }

    /** The project's theme scheme and its themes, as {@code /id/theme} answers. */
    public Model themeScheme(List<Theme> themes) {
        Builder b = new Builder();
        Resource scheme = b.m.createResource(uris.themeScheme(), SKOS.ConceptScheme)
                .addProperty(DCTerms.title, b.m.createLiteral("Thèmes santegraph", FR));
        themes.forEach(t -> scheme.addProperty(SKOS.hasTopConcept, b.theme(t)));
        return b.sorted();
    }

    /** One licence of this catalogue, as {@code /id/licence/{id}} answers. */
    public Model licence(Licence licence) {
        Builder b = new Builder();
        b.licence(licence);
        return b.sorted();
    }

    /** A copy of {@code model} in sorted triple order with the usual prefixes: what every output is written from. */
    static Model sorted(Model model) {
        Model out = emptyModel();
        sortedTriples(model).forEach(out.getGraph()::add);
        return out;
    }

    /** The model's triples in the one order every output uses. */
    static List<Triple> sortedTriples(Model model) {
        List<Triple> triples = new ArrayList<>(model.getGraph().find().toList());
        triples.sort(TRIPLE_ORDER);
        return triples;
    }

    /** A model with the prefixes every output uses, for writers and tests. */
    public static Model emptyModel() {
        // GraphMem2: Jena's newer in-memory graph, cheaper to fill than the default one (a page is ~40,000
        // triples); it iterates in insertion order, so a description rebuilt by sorted() reads back sorted.
        Model model = ModelFactory.createModelForGraph(GraphMemFactory.createGraphMem2());
        model.setNsPrefix("dcat", DCAT.NS);
        model.setNsPrefix("dct", DCTerms.NS);
        model.setNsPrefix("foaf", FOAF.NS);
        model.setNsPrefix("vcard", VCARD4.NS);
        model.setNsPrefix("skos", SKOS.uri);
        model.setNsPrefix("prov", DcatAp.PROV);
        model.setNsPrefix("hydra", DcatAp.HYDRA);
        model.setNsPrefix("rdfs", RDFS.getURI());
        model.setNsPrefix("xsd", XSD.NS);
        return model;
    }

    /**
     * An external URL as an IRI, or null when it is not a usable http(s) URL (the published sources hold some
     * "www.example.fr" and free text in link columns): a bad link is left out rather than breaking the RDF.
     */
    static @Nullable String externalIri(@Nullable String url) {
        if (url == null) {
            return null;
        }
        String s = lowerCaseSchemeAndHost(url.strip().replace(" ", "%20"));
        if (!HTTP_URL.matcher(s).matches()) {
            return null;
        }
        try {
            return IRIx.create(s).hasViolations() ? null : s;
        } catch (IRIException e) {
            return null;
        }
    }

    /** Some sources publish links in capitals ("HTTP://WWW.SCANSANTE.FR/"): scheme and host are case-insensitive. */
    private static String lowerCaseSchemeAndHost(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return url;
        }
        int hostEnd = scheme + 3;
        while (hostEnd < url.length() && "/?#".indexOf(url.charAt(hostEnd)) < 0) {
            hostEnd++;
        }
        return url.substring(0, hostEnd).toLowerCase(Locale.ROOT) + url.substring(hostEnd);
    }

    /** Builds one output model; a set, so objects described twice on a page (an agent, a series) appear once. */
    private final class Builder {

        private final Model m = emptyModel();
        /**
         * A catalogue page: each dataset is described in full on its own page only, and elsewhere only named. A
         * harvester keeps one record per URI, often the last it read: a typed and titled copy on a later page
         * would replace the full one (publisher, distributions and all) with a stub.
         */
        private final boolean cataloguePage;

        private final IntFunction<String> pageUri;

        Builder() {
            this(false, number -> {
                throw new IllegalStateException("only a catalogue page links to other pages");
            });
        }

        Builder(boolean cataloguePage, IntFunction<String> pageUri) {
            this.cataloguePage = cataloguePage;
            this.pageUri = pageUri;
        }
        private final Map<String, Optional<String>> iris = new HashMap<>();

        /** The same agents and licences come back on every entry of a page: check each link once. */
        private @Nullable String iri(@Nullable String url) {
            return url == null ? null : iris.computeIfAbsent(url, u -> Optional.ofNullable(externalIri(u))).orElse(null);
        }

        Model sorted() {
            return DcatMapper.sorted(m);
        }

        Resource catalog(Catalog catalog) {
            Resource c = m.createResource(uris.catalog(), DCAT.Catalog)
                    .addProperty(DCTerms.title, fr(catalog.title()))
                    .addProperty(DCTerms.description, fr(catalog.description()))
                    .addProperty(DCTerms.publisher, agent(catalog.publisher()))
                    .addProperty(DCTerms.language, m.createResource(DcatAp.FRENCH.getURI(), DCTerms.LinguisticSystem)
                            .addProperty(SKOS.inScheme, DcatAp.LANGUAGE_SCHEME))
                    .addProperty(DCAT.themeTaxonomy, m.createResource(DcatAp.DATA_THEME_SCHEME.getURI(), SKOS.ConceptScheme)
                            .addProperty(DCTerms.title, fr("Thèmes de données (vocabulaire de l'UE)")))
                    .addProperty(DCAT.themeTaxonomy, m.createResource(uris.themeScheme(), SKOS.ConceptScheme)
                            .addProperty(DCTerms.title, fr("Thèmes santegraph")));
            document(c, FOAF.homepage, catalog.homepage());
            date(c, DCTerms.modified, catalog.modified());
            return c;
        }

        void paging(Page page) {
            int last = page.lastPage();
            Resource view = m.createResource(pageUri.apply(page.number()))
                    .addProperty(RDF.type, DcatAp.PartialCollectionView)
                    .addProperty(RDF.type, DcatAp.PagedCollection)
                    .addLiteral(DcatAp.totalItems, m.createTypedLiteral(page.totalItems(), XSDDatatype.XSDinteger))
                    .addLiteral(DcatAp.itemsPerPage, m.createTypedLiteral(page.pageSize(), XSDDatatype.XSDinteger));
            link(view, DcatAp.first, DcatAp.firstPage, 1);
            link(view, DcatAp.last, DcatAp.lastPage, last);
            if (page.number() < last) {
                link(view, DcatAp.next, DcatAp.nextPage, page.number() + 1);
            }
            if (page.number() > 1) {
                link(view, DcatAp.previous, DcatAp.previousPage, Math.min(page.number() - 1, last));
            }
        }

        private void link(Resource view, Property hydra, Property legacy, int number) {
            Resource target = m.createResource(pageUri.apply(number));
            view.addProperty(hydra, target).addProperty(legacy, target);
        }

        Resource dataset(Dataset d) {
            String uri = uris.dataset(d.kind(), d.id());
            Resource r = m.createResource(uri, DCAT.Dataset)
                    .addProperty(DCTerms.identifier, uri)
                    .addProperty(DCTerms.title, fr(d.title()))
                    .addProperty(DCTerms.description, fr(d.description()));
            if (d.publisher() != null) {
                r.addProperty(DCTerms.publisher, agent(d.publisher()));
            }
            if (d.creator() != null) {
                r.addProperty(DCTerms.creator, agent(d.creator()));
            }
            contact(r, uri, d.contact());
            d.keywords().stream().map(String::strip).filter(k -> !k.isEmpty()).distinct().sorted()
                    .forEach(k -> r.addProperty(DCAT.keyword, fr(k)));
            d.euThemes().stream().sorted().forEach(t -> r.addProperty(DCAT.theme, euTheme(t)));
            d.themes().stream().sorted(Comparator.comparing(Theme::id)).forEach(t -> r.addProperty(DCAT.theme, theme(t)));
            d.spatial().stream().sorted(Comparator.comparing(Place::id)).forEach(p -> r.addProperty(DCTerms.spatial, place(p)));
            period(r, uri, d.temporal());
            if (d.frequency() != null) {
                r.addProperty(DCTerms.accrualPeriodicity, m.createResource(DcatAp.frequency(d.frequency().name()).getURI(), DCTerms.Frequency)
                        .addProperty(SKOS.prefLabel, fr(d.frequency().labelFr()))
                        .addProperty(SKOS.inScheme, DcatAp.FREQUENCY_SCHEME));
            }
            accessRights(r, d.accessLevel());
            document(r, DCAT.landingPage, d.landingPage());
            Licence licence = licenceOf(d);
            if (licence != null) {
                r.addProperty(DCTerms.license, licence(licence));
            }
            d.distributions().stream().sorted(Comparator.comparing(Distribution::id))
                    .forEach(dist -> distribution(r, uri, dist, licence));
            if (d.series() != null) {
                // Like a dataset, a series is described on one page only: its first member's.
                r.addProperty(DcatAp.inSeries, cataloguePage && !d.series().lead()
                        ? m.createResource(uris.series(d.series().id())) : series(d.series()));
            }
            d.sources().stream().sorted(Comparator.comparing(DatasetRef::id)).forEach(src -> {
                Resource s = ref(src);
                r.addProperty(DCTerms.source, s).addProperty(DcatAp.wasDerivedFrom, s);
            });
            date(r, DCTerms.modified, d.modified());
            return r;
        }

        Resource service(DataService s) {
            String uri = uris.service(s.id());
            Resource r = m.createResource(uri, DCAT.DataService)
                    .addProperty(DCTerms.identifier, uri)
                    .addProperty(DCTerms.title, fr(s.title()));
            if (s.description() != null && !s.description().isBlank()) {
                r.addProperty(DCTerms.description, fr(s.description()));
            }
            String endpoint = iri(s.endpointUrl());
            // endpointURL is mandatory: a service whose published endpoint is not a URL points at its own URI.
            r.addProperty(DCAT.endpointURL, m.createResource(endpoint != null ? endpoint : uri));
            String endpointDescription = iri(s.endpointDescription());
            if (endpointDescription != null) {
                r.addProperty(DCAT.endpointDescription, m.createResource(endpointDescription));
            }
            if (s.publisher() != null) {
                r.addProperty(DCTerms.publisher, agent(s.publisher()));
            }
            if (s.licence() != null) {
                r.addProperty(DCTerms.license, licence(s.licence()));
            }
            accessRights(r, s.accessLevel());
            s.euThemes().stream().sorted().forEach(t -> r.addProperty(DCAT.theme, euTheme(t)));
            document(r, DCAT.landingPage, s.landingPage());
            s.servesDatasets().stream().sorted(Comparator.comparing(DatasetRef::id))
                    .forEach(ref -> r.addProperty(DCAT.servesDataset, ref(ref)));
            return r;
        }

        /**
         * A dataset described elsewhere: on a catalogue page only its URI (its own page describes it); in a single
         * resource's answer typed and titled, so that the answer stands on its own.
         */
        Resource ref(DatasetRef ref) {
            String uri = uris.dataset(ref.kind(), ref.id());
            if (cataloguePage) {
                return m.createResource(uri);
            }
            return m.createResource(uri, DCAT.Dataset)
                    .addProperty(DCTerms.identifier, uri)
                    .addProperty(DCTerms.title, fr(ref.title()))
                    .addProperty(DCTerms.description, fr(ref.description()));
        }

        Resource series(Series s) {
            String uri = uris.series(s.id());
            Resource r = m.createResource(uri, DcatAp.DatasetSeries)
                    .addProperty(DCTerms.identifier, uri)
                    .addProperty(DCTerms.title, fr(s.title()))
                    .addProperty(DCTerms.description, fr(s.description()));
            if (s.publisher() != null) {
                r.addProperty(DCTerms.publisher, agent(s.publisher()));
            }
            contact(r, uri, s.contact());
            return r;
        }

        Resource agent(Agent a) {
            Resource r = m.createResource(uris.agent(a.id()), FOAF.Agent).addProperty(FOAF.name, fr(a.name()));
            document(r, FOAF.homepage, a.homepage());
            return r;
        }

        private void contact(Resource owner, String ownerUri, @Nullable Contact c) {
            if (c == null) {
                return;
            }
            Resource r = m.createResource(uris.part(ownerUri, "contact", null), VCARD4.Kind)
                    .addProperty(VCARD4.fn, fr(c.name()));
            if (c.email() != null && c.email().contains("@") && !c.email().isBlank()) {
                r.addProperty(VCARD4.hasEmail, m.createResource("mailto:" + c.email().strip()));
            }
            String url = iri(c.url());
            if (url != null) {
                r.addProperty(VCARD4.hasURL, m.createResource(url));
            }
            owner.addProperty(DCAT.contactPoint, r);
        }

        /**
         * What a dataset may be reused under: the licence its distributions name, else — open data of the French
         * public sector with none stated — Licence Ouverte 2.0, the default the administration publishes under (CRPA
         * art. D. 323-2-1). Restricted and non-public data get none: their access rights say how to obtain them.
         */
        private @Nullable Licence licenceOf(Dataset d) {
            var named = d.distributions().stream().map(Distribution::licence).filter(Objects::nonNull)
                    .sorted(Comparator.comparing(Licence::id)).findFirst();
            if (named.isPresent()) {
                return named.get();
            }
            return d.accessLevel() == null || d.accessLevel() == EuAccessRight.PUBLIC ? Licence.ETALAB_2 : null;
        }

        private void distribution(Resource dataset, String datasetUri, Distribution d,
                                  @Nullable Licence datasetLicence) {
            String access = iri(d.accessUrl());
            if (access == null) {
                return; // accessURL is mandatory: a distribution without a usable link is not exported
            }
            Resource r = m.createResource(uris.part(datasetUri, "distribution", d.id()), DCAT.Distribution)
                    .addProperty(DCAT.accessURL, m.createResource(access));
            if (d.title() != null && !d.title().isBlank()) {
                r.addProperty(DCTerms.title, fr(d.title()));
            }
            r.addProperty(DCTerms.description, fr(describe(d, dataset)));
            // The producers' own publications: expected to stay where they are in the medium term.
            r.addProperty(DcatAp.availability, m.createResource(DcatAp.AVAILABLE.getURI(), SKOS.Concept)
                    .addProperty(SKOS.prefLabel, fr("disponible"))
                    .addProperty(SKOS.inScheme, DcatAp.PLANNED_AVAILABILITY_SCHEME));
            String download = iri(d.downloadUrl());
            if (download != null) {
                r.addProperty(DCAT.downloadURL, m.createResource(download));
            }
            if (d.format() != null) {
                String code = d.format().strip().toUpperCase(Locale.ROOT);
                if (FILE_TYPE.matcher(code).matches()) {
                    r.addProperty(DCTerms.format, m.createResource(DcatAp.fileType(code).getURI(), DCTerms.MediaTypeOrExtent)
                            .addProperty(SKOS.inScheme, DcatAp.FILE_TYPE_SCHEME));
                }
            }
            // Published by its producer and kept there: complete, not in development nor withdrawn.
            r.addProperty(DcatAp.status, m.createResource(DcatAp.COMPLETED.getURI(), SKOS.Concept)
                    .addProperty(SKOS.prefLabel, fr("terminée"))
                    .addProperty(SKOS.inScheme, DcatAp.DISTRIBUTION_STATUS_SCHEME));
            mediaType(r, DCAT.mediaType, d.mediaType());
            mediaType(r, DCAT.compressFormat, d.compressFormat());
            if (d.service() != null) {
                // Described on its own page (and at its URI): named here, as datasets are.
                r.addProperty(DCAT.accessService, m.createResource(uris.service(d.service())));
            }
            Licence licence = d.licence() != null ? d.licence() : datasetLicence;
            if (licence != null) {
                r.addProperty(DCTerms.license, licence(licence));
            }
            dataset.addProperty(DCAT.distribution, r);
        }

        /** An IANA media type ({@code text/plain}) as its IANA URI, typed as the range shapes ask. */
        private void mediaType(Resource owner, Property property, @Nullable String type) {
            if (type != null && MEDIA_TYPE.matcher(type.strip()).matches()) {
                owner.addProperty(property, m.createResource(DcatAp.IANA_MEDIA_TYPES + type.strip().toLowerCase(Locale.ROOT),
                        DCTerms.MediaType));
            }
        }

        /** A distribution's description: its own title, else what it gives access to, of which dataset. */
        private String describe(Distribution d, Resource dataset) {
            String of = dataset.getProperty(DCTerms.title).getString();
            String what = d.downloadUrl() != null ? "Téléchargement" : "Accès en ligne";
            return (d.title() != null && !d.title().isBlank() ? d.title() + " — " : "") + what + " : « " + of + " »"
                    + (d.format() != null ? " (" + d.format().strip() + ")" : "") + ".";
        }

        /**
         * A licence harvesters recognise is named by its own URI (udata and CKAN match licences on it); another
         * one gets a URI of this catalogue, with its published text as {@code rdfs:seeAlso}.
         */
        Resource licence(Licence l) {
            String url = iri(l.url());
            if (url != null && Licence.isKnown(url)) {
                return m.createResource(url, DCTerms.LicenseDocument).addProperty(DCTerms.title, fr(l.title()));
            }
            Resource r = m.createResource(uris.licence(l.id()), DCTerms.LicenseDocument)
                    .addProperty(DCTerms.title, fr(l.title()));
            if (url != null) {
                r.addProperty(RDFS.seeAlso, m.createResource(url));
            }
            return r;
        }

        private Resource euTheme(EuDataTheme t) {
            return m.createResource(DcatAp.dataTheme(t.name()).getURI(), SKOS.Concept)
                    .addProperty(SKOS.prefLabel, fr(t.labelFr()))
                    .addProperty(SKOS.inScheme, DcatAp.DATA_THEME_SCHEME);
        }

        Resource theme(Theme t) {
            return m.createResource(uris.theme(t.id()), SKOS.Concept)
                    .addProperty(SKOS.prefLabel, fr(t.label()))
                    .addProperty(SKOS.inScheme, m.createResource(uris.themeScheme()));
        }

        Resource place(Place p) {
            Resource r = m.createResource(uris.place(p), DCTerms.Location).addProperty(SKOS.prefLabel, fr(p.label()));
            if (p.bboxWkt() != null) {
                r.addProperty(DCAT.bbox, m.createTypedLiteral(p.bboxWkt(), DcatAp.WKT));
            }
            return p.isCountry() ? r.addProperty(SKOS.inScheme, DcatAp.COUNTRY_SCHEME) : r;
        }

        private void period(Resource owner, String ownerUri, @Nullable Period p) {
            if (p == null || (p.start() == null && p.end() == null)) {
                return;
            }
            Resource r = m.createResource(uris.part(ownerUri, "temporal", null), DCTerms.PeriodOfTime);
            date(r, DCAT.startDate, p.start());
            date(r, DCAT.endDate, p.end());
            owner.addProperty(DCTerms.temporal, r);
        }

        private void accessRights(Resource owner, @Nullable EuAccessRight level) {
            if (level != null) {
                owner.addProperty(DCTerms.accessRights, m.createResource(DcatAp.accessRight(level.name()).getURI(), DCTerms.RightsStatement)
                        .addProperty(SKOS.prefLabel, fr(level.labelFr()))
                        .addProperty(SKOS.inScheme, DcatAp.ACCESS_RIGHT_SCHEME));
            }
        }

        private void document(Resource owner, Property property, @Nullable String url) {
            String iri = iri(url);
            if (iri != null) {
                owner.addProperty(property, m.createResource(iri, FOAF.Document));
            }
        }

        private void date(Resource owner, Property property, @Nullable LocalDate date) {
            if (date != null) {
                owner.addLiteral(property, m.createTypedLiteral(date.toString(), XSDDatatype.XSDdate));
            }
        }

        private Literal fr(String text) {
            return m.createLiteral(text.strip(), FR);
        }
    }
}
