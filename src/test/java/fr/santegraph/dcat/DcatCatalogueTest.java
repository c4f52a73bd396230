package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.catalogue.CatalogueGraph;
import fr.santegraph.support.CypherCounter;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VCARD4;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;

/** The DCAT-AP export of the catalogue built from the real shared sources, over HTTP as harvesters read it. */
@IntegrationTest
class DcatCatalogueTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;
    @Autowired
    CatalogueGraph catalogue;
    @Autowired
    DcatUris uris;
    @Autowired
    DcatSource source;
    @Autowired
    DcatMapper mapper;
    @Autowired
    DcatProperties properties;
    @Autowired
    CypherCounter cypher;
    DcatExporter exporter;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void realCatalogue() {
        catalogue.load();
        exporter = new DcatExporter(source, mapper, properties);
    }

    @Test
    void theWholeCatalogueAsHarvestedHasZeroShaclViolations() {
        // A page names datasets described on other pages by URI only, so the shapes that check what a link points
        // to (dct:source → dcat:Dataset) hold over the catalogue as a harvester gathers it: every page together.
        DcatShacl shacl = DcatShacl.mandatory(DcatFixtures.shapesDir());
        Model whole = DcatFixtures.allPages(exporter);
        DcatShacl.Result result = shacl.validate(whole);
        assertThat(result.conforms()).as(result.describeViolations(10)).isTrue();
    }

    @Test
    void theRecommendedPropertiesMissingAreCountedAndKeptDown() {
        Model whole = DcatFixtures.allPages(exporter);
        DcatShacl.Result result = DcatShacl.recommended(DcatFixtures.shapesDir()).validate(whole);
        Map<String, Long> byPath = new TreeMap<>();
        result.entries().forEach(e -> byPath.merge(String.valueOf(e.resultPath()), 1L, Long::sum));
        System.out.printf("DCAT-AP 3.0.1 recommended shapes over the catalogue as harvested: %d results%n",
                result.entries().size());
        byPath.forEach((path, n) -> System.out.printf("  %7d  %s%n", n, path));
        // Every distribution says what it is and how long it stays; the indicators published for every region are
        // placed in France. What is left is what the sources do not say (an end to "since 2010", a producer's web
        // site): 72,529 before these, 32,298 after; this bound moves only down.
        assertThat(byPath).doesNotContainKeys("<http://data.europa.eu/r5r/availability>",
                "<http://purl.org/dc/terms/description>");
        assertThat(result.entries()).hasSizeLessThanOrEqualTo(32_298);
    }

    @Test
    void everyKindOfUriThePagesNameUnderThisCatalogueDereferences() {
        // Every URI under the base that a page names, grouped by its shape (type, then the kinds of its parts): a
        // few of each shape are fetched, each must answer 200 with RDF that says something about it.
        Map<String, List<String>> byShape = new TreeMap<>();
        for (int page = 1; page <= exporter.lastPage(); page++) {
            Model model = exporter.page(page);
            Stream.concat(model.listSubjects().toList().stream(),
                            model.listObjects().filterKeep(o -> o.isURIResource()).mapWith(o -> o.asResource()).toList().stream())
                    .map(Resource::getURI).filter(u -> u != null && u.startsWith(uris.base() + "/id/")).distinct()
                    .forEach(u -> {
                        String[] segments = u.substring((uris.base() + "/id/").length()).split("/");
                        StringBuilder shape = new StringBuilder(segments[0]);
                        for (int i = 2; i < segments.length; i += 2) {
                            shape.append('/').append(segments[i]);
                        }
                        List<String> seen = byShape.computeIfAbsent(shape.toString(), k -> new ArrayList<>());
                        if (seen.size() < 3 && !seen.contains(u)) {
                            seen.add(u);
                        }
                    });
        }
        byShape.put("theme scheme", List.of(uris.themeScheme()));
        // The catalogue's own publisher is one agent among the producers' hundreds: asked for by name.
        byShape.put("catalogue publisher", List.of(uris.agent(properties.publisherId())));
        assertThat(byShape.keySet()).contains("dataset", "indicator", "agent", "theme", "dataset/distribution",
                "indicator/temporal", "dataset/contact");
        byShape.forEach((shape, examples) -> examples.forEach(u -> {
            ResponseEntity<String> response = get(u.substring(uris.base().length()), "text/turtle");
            assertThat(response.getStatusCode().value()).as(shape + ": " + u).isEqualTo(200);
            Model model = parse(response.getBody(), Lang.TURTLE);
            assertThat(model.listStatements(model.getResource(u), null, (RDFNode) null).hasNext())
                    .as(shape + ": " + u + " described").isTrue();
        }));
    }

    @Test
    void anIndicatorPublishedForOneRegionIsPlacedInThatRegionOfThisGraphWithItsBox() {
        String code = neo4j.query("""
                        MATCH (i:Indicator)-[a:AVAILABLE_AT]->(:GeoLevel {code: 'REGION'})
                        WHERE a.coverage = 'REGION RHONE-ALPES' AND NOT 'NATIONAL' IN i.geoLevels
                        RETURN i.code ORDER BY i.code LIMIT 1""").fetchAs(String.class).one().orElseThrow();
        Model model = parse(get("/id/indicator/" + code, "text/turtle").getBody(), Lang.TURTLE);
        Resource indicator = model.getResource(uris.dataset(DcatRecords.DatasetKind.INDICATOR, code));
        assertThat(model.listObjectsOfProperty(indicator, DCTerms.spatial).toList()).singleElement().satisfies(place -> {
            // The regions of before 2016 are today's: Rhône-Alpes is in Auvergne-Rhône-Alpes.
            assertThat(place.asResource().getURI()).isEqualTo(uris.base() + "/id/territory/region:84");
            String box = place.asResource().getProperty(DCAT.bbox).getString();
            double[] c = Arrays.stream(box.replaceAll("[^0-9., -]", "").split("[, ]+"))
                    .filter(t -> !t.isEmpty()).mapToDouble(Double::parseDouble).toArray();
            // South-west then north-east corners around Lyon (4.84 E, 45.76 N) and Clermont-Ferrand (3.08 E, 45.78 N).
            assertThat(c[0]).isLessThan(3.08);
            assertThat(c[1]).isLessThan(45.76);
            assertThat(c[4]).isGreaterThan(4.84);
            assertThat(c[5]).isGreaterThan(45.78);
        });
        // The territory dereferences, with the same box.
        Model region = parse(get("/id/territory/region:84", "text/turtle").getBody(), Lang.TURTLE);
        assertThat(region.getResource(uris.base() + "/id/territory/region:84").hasProperty(DCAT.bbox)).isTrue();
    }

    @Test
    void aDatasetSantegraphImportsIsModifiedOnTheDateOfTheLatestExtractionImported() {
        // Dates later than any other test's runs in this graph: the latest is the one expected.
        try {
            neo4j.query("""
                    UNWIND [['dcat-test-1', date('2099-11-28')], ['dcat-test-2', date('2099-12-01')],
                            ['dcat-test-3', null]] AS run
                    CREATE (:ImportRun {id: run[0], source: 'RPPS PS_LibreAcces', extractionDate: run[1]})""").run();
            Model model = parse(get("/id/dataset/rpps", "text/turtle").getBody(), Lang.TURTLE);
            Resource rpps = model.getResource(uris.dataset(DcatRecords.DatasetKind.DATASET, "rpps"));
            assertThat(rpps.getProperty(DCTerms.modified).getLiteral().getLexicalForm()).isEqualTo("2099-12-01");
            Resource pmsi = model.getResource(uris.dataset(DcatRecords.DatasetKind.DATASET, "pmsi"));
            assertThat(parse(get("/id/dataset/pmsi", "text/turtle").getBody(), Lang.TURTLE)
                    .getResource(pmsi.getURI()).hasProperty(DCTerms.modified)).as("a dataset santegraph does not import").isFalse();
        } finally {
            neo4j.query("MATCH (r:ImportRun) WHERE r.id STARTS WITH 'dcat-test-' DELETE r").run();
        }
    }

    @Test
    void aPublishedFileIsDescribedAsAFileAndADistributionNamesTheServiceItIsReadThrough() {
        Model whole = DcatFixtures.allPages(exporter);
        Resource rpps = whole.getResource(uris.dataset(DcatRecords.DatasetKind.DATASET, "rpps"));
        Resource extraction = whole.listObjectsOfProperty(rpps, DCAT.distribution).toList().stream()
                .map(RDFNode::asResource).filter(d -> d.hasProperty(DCAT.downloadURL)).findFirst().orElseThrow();
        assertThat(extraction.getPropertyResourceValue(DCAT.downloadURL).getURI())
                .isEqualTo("https://service.annuaire.sante.fr/annuaire-sante-webservices/V300/services/extraction/PS_LibreAcces");
        assertThat(extraction.getPropertyResourceValue(DCAT.mediaType).getURI())
                .isEqualTo("http://www.iana.org/assignments/media-types/text/plain");
        assertThat(extraction.getPropertyResourceValue(DCAT.compressFormat).getURI())
                .isEqualTo("http://www.iana.org/assignments/media-types/application/zip");

        Resource water = whole.getResource(uris.dataset(DcatRecords.DatasetKind.DATASET, "sise-eaux"));
        Resource service = whole.listObjectsOfProperty(water, DCAT.distribution).toList().stream()
                .map(d -> d.asResource().getPropertyResourceValue(DCAT.accessService)).filter(Objects::nonNull)
                .findFirst().orElseThrow();
        assertThat(service.getURI()).isEqualTo(uris.service("sise-eaux-diffusion"));
        assertThat(service.hasProperty(RDF.type, DCAT.DataService)).as("described on its own page").isTrue();
    }

    @Test
    void eachSeriesIsDescribedOnOnePageAndEveryMembershipPointsAtADescribedOne() {
        Map<String, Integer> described = new HashMap<>();
        Set<String> named = new HashSet<>();
        for (int page = 1; page <= exporter.lastPage(); page++) {
            Model model = exporter.page(page);
            model.listSubjectsWithProperty(RDF.type, DcatAp.DatasetSeries).forEach(series -> {
                described.merge(series.getURI(), 1, Integer::sum);
                assertThat(series.hasProperty(DCTerms.title)).as(series.getURI()).isTrue();
            });
            model.listObjectsOfProperty(DcatAp.inSeries).forEach(series -> named.add(series.asResource().getURI()));
        }
        assertThat(described.values()).as("pages describing each series").containsOnly(1);
        assertThat(described.keySet()).as("series named by a member").isEqualTo(named);
        assertThat(named).hasSizeGreaterThan(1_000);
    }

    @Test
    void theMemberThatDescribesASeriesFollowsTheGraphWhenASmallerCodeJoinsIt() {
        Map<String, Object> series = neo4j.query("""
                        MATCH (i:Indicator) WHERE i.familyCode IS NOT NULL
                        WITH i.familyCode AS family, min(i.code) AS lead, count(*) AS members WHERE members > 1
                        RETURN family, lead ORDER BY family LIMIT 1""").fetch().one().orElseThrow();
        String lead = (String) series.get("lead");
        assertThat(source.dataset(DcatRecords.DatasetKind.INDICATOR, lead).orElseThrow().series().lead()).isTrue();
        String joining = "000-" + lead;
        try {
            neo4j.query("""
                            MATCH (x:Indicator {code: $lead})
                            CREATE (:Indicator {id: 'indicator:' + $code, code: $code, name: 'Membre ajouté',
                                                familyCode: x.familyCode, family: x.family, base: x.base})""")
                    .bind(lead).to("lead").bind(joining).to("code").run();

            assertThat(source.dataset(DcatRecords.DatasetKind.INDICATOR, lead).orElseThrow().series().lead())
                    .as("the former first member, read after the graph changed").isFalse();
            assertThat(source.dataset(DcatRecords.DatasetKind.INDICATOR, joining).orElseThrow().series().lead()).isTrue();
        } finally {
            neo4j.query("MATCH (i:Indicator {code: $code}) DETACH DELETE i").bind(joining).to("code").run();
        }
        assertThat(source.dataset(DcatRecords.DatasetKind.INDICATOR, lead).orElseThrow().series().lead()).isTrue();
    }

    @Test
    void aHarvesterKeepingTheLastCopyOfEachDatasetKeepsItsFullRecordWithALicence() {
        // ckanext-dcat and udata take every typed dcat:Dataset of a page as a record and keep the last one read.
        Map<String, Integer> described = new HashMap<>();
        Map<String, Model> kept = new HashMap<>();
        for (int page = 1; page <= exporter.lastPage(); page++) {
            Model model = exporter.page(page);
            model.listSubjectsWithProperty(RDF.type, DCAT.Dataset).forEach(dataset -> {
                described.merge(dataset.getURI(), 1, Integer::sum);
                kept.put(dataset.getURI(), model);
            });
        }
        assertThat(described.values()).as("pages describing each dataset").containsOnly(1);
        assertThat(described).hasSize((int) count("MATCH (n) WHERE n:Dataset OR n:Indicator RETURN count(n)"));
        List<String> unlicensed = new ArrayList<>();
        kept.forEach((uri, model) -> {
            Resource dataset = model.getResource(uri);
            assertThat(dataset.hasProperty(DCTerms.title)).as(uri).isTrue();
            Resource access = dataset.getPropertyResourceValue(DCTerms.accessRights);
            boolean open = access == null || access.equals(DcatAp.accessRight("PUBLIC"));
            if (open && !dataset.hasProperty(DCTerms.license)) {
                unlicensed.add(uri);
            }
            model.listObjectsOfProperty(dataset, DCAT.distribution).forEach(d -> {
                if (open && !d.asResource().hasProperty(DCTerms.license)) {
                    unlicensed.add(d.asResource().getURI());
                }
            });
        });
        assertThat(unlicensed).as("open datasets and distributions without a licence").isEmpty();
        // Who made it and whom to ask: the producer, reached through its site.
        long published = kept.entrySet().stream().filter(e -> e.getValue().getResource(e.getKey()).hasProperty(DCTerms.publisher)).count();
        long created = kept.entrySet().stream().filter(e -> e.getValue().getResource(e.getKey()).hasProperty(DCTerms.creator)).count();
        long reachable = kept.entrySet().stream().filter(e -> {
            Resource contact = e.getValue().getResource(e.getKey()).getPropertyResourceValue(DCAT.contactPoint);
            return contact != null && contact.hasProperty(VCARD4.hasURL) && contact.hasProperty(VCARD4.fn);
        }).count();
        assertThat(created).isEqualTo(published).isGreaterThan(10_000);
        assertThat(reachable).isGreaterThan(published / 2);
    }

    @Test
    void aHarvesterFollowingNextPageCountsEveryDatasetAndIndicatorOnce() {
        long expected = count("MATCH (n) WHERE n:Dataset OR n:Indicator RETURN count(n)");
        long services = count("MATCH (n:DataService) RETURN count(n)");
        Map<String, Integer> datasets = new HashMap<>();
        Map<String, Integer> dataServices = new HashMap<>();
        String next = uris.catalog();
        int pages = 0;
        while (next != null) {
            ResponseEntity<String> response = get(next.substring(uris.base().length()), null);
            assertThat(response.getStatusCode().value()).as(next).isEqualTo(200);
            Model model = parse(response.getBody(), Lang.TURTLE);
            Resource catalog = model.getResource(uris.catalog());
            model.listObjectsOfProperty(catalog, DCAT.dataset).forEach(d -> datasets.merge(d.asResource().getURI(), 1, Integer::sum));
            model.listObjectsOfProperty(catalog, DCAT.service).forEach(d -> dataServices.merge(d.asResource().getURI(), 1, Integer::sum));
            Resource view = model.listSubjectsWithProperty(RDF.type, DcatAp.PagedCollection).next();
            assertThat(view.hasProperty(RDF.type, DcatAp.PartialCollectionView)).isTrue();
            assertThat(view.getProperty(DcatAp.totalItems).getLong()).isEqualTo(expected + services);
            Resource nextPage = view.getPropertyResourceValue(DcatAp.nextPage);
            next = nextPage == null ? null : nextPage.getURI();
            pages++;
        }
        assertThat(expected).isGreaterThan(19_355);
        assertThat(datasets).hasSize((int) expected);
        assertThat(datasets.values()).containsOnly(1);
        assertThat(dataServices).hasSize((int) services);
        assertThat(pages).isEqualTo(exporter.lastPage());
    }

    @Test
    void contentNegotiationOnTheRealCatalogue() {
        ResponseEntity<String> none = get("/catalog", null);
        assertThat(none.getHeaders().getContentType().toString()).isEqualTo("text/turtle;charset=UTF-8");
        for (RdfFormat format : RdfFormat.values()) {
            ResponseEntity<String> response = get("/catalog?page=2", format.mediaType());
            assertThat(response.getStatusCode().value()).isEqualTo(200);
            assertThat(response.getHeaders().getContentType().toString()).startsWith(format.mediaType());
        }
        assertThat(get("/catalog", "text/csv").getStatusCode().value()).isEqualTo(406);
        assertThat(get("/catalog?page=0", null).getStatusCode().value()).isEqualTo(400);
        ResponseEntity<String> head = send("HEAD", "/catalog.nt", null);
        assertThat(head.getStatusCode().value()).isEqualTo(200);
        assertThat(head.getHeaders().getContentLength()).isEqualTo(get("/catalog.nt", null).getBody().getBytes(StandardCharsets.UTF_8).length);
        assertThat(head.getBody()).isEmpty();
    }

    @Test
    void theUriOfADatasetFromGraphQlDereferencesToThatDataset() {
        var response = graphQl.documentName("catalogueUris").variable("dataset", "dataset:pmsi").variable("indicator", "indicator:drees-1")
                .execute();
        String datasetUri = response.path("dataset.uri").entity(String.class).get();
        String title = response.path("dataset.title").entity(String.class).get();
        String indicatorUri = response.path("indicator.uri").entity(String.class).get();

        Model dataset = parse(get(datasetUri.substring(uris.base().length()), "text/turtle").getBody(), Lang.TURTLE);
        assertThat(dataset.getResource(datasetUri).getProperty(DCTerms.title).getString()).isEqualTo(title);
        assertThat(dataset.getResource(datasetUri).getProperty(DCTerms.identifier).getString()).isEqualTo(datasetUri);
        Model indicator = parse(get(indicatorUri.substring(uris.base().length()), "application/n-triples").getBody(), Lang.NTRIPLES);
        assertThat(indicator.getResource(indicatorUri).hasProperty(DcatAp.inSeries)).isTrue();
    }

    @Test
    void aCatalogPageIsKeptUntilTheGraphChangesAndHttpCachesAreToldItsTimeToLive() {
        ResponseEntity<String> first = get("/catalog?page=1", "text/turtle");
        assertThat(first.getHeaders().getCacheControl()).isEqualTo("max-age=" + properties.pageCacheTtl().toSeconds() + ", public");
        long again = cypher.count(() -> assertThat(get("/catalog?page=1", "text/turtle").getBody()).isEqualTo(first.getBody()));
        assertThat(again).as("statements sent for the same page asked again").isZero();

        String id = neo4j.query("MATCH (d:Dataset) RETURN d.id ORDER BY d.id LIMIT 1").fetchAs(String.class).one().orElseThrow();
        String title = neo4j.query("MATCH (d:Dataset {id: $id}) RETURN d.title").bind(id).to("id").fetchAs(String.class).one().orElseThrow();
        assertThat(first.getBody()).contains(title);
        try {
            neo4j.query("MATCH (d:Dataset {id: $id}) SET d.title = 'Titre changé pendant la moisson'").bind(id).to("id").run();
            // The embedded graph's version moved: the page is written again (only HTTP caches may hold the old one).
            assertThat(get("/catalog?page=1", "text/turtle").getBody()).contains("Titre changé pendant la moisson");
            assertThat(get("/id/dataset/" + id.substring(id.indexOf(':') + 1), "text/turtle").getBody())
                    .contains("Titre changé pendant la moisson");
        } finally {
            neo4j.query("MATCH (d:Dataset {id: $id}) SET d.title = $title").bind(id).to("id").bind(title).to("title").run();
        }
    }

    private long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    private static Model parse(String body, Lang lang) {
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(body)).lang(lang).parse(model);
        return model;
    }

    /** A raw request: RestTemplate would add an Accept header of its own, and harvesters mostly send none. */
    private ResponseEntity<String> get(String path, String accept) {
        return send("GET", path, accept);
    }

    private ResponseEntity<String> send(String method, String path, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (accept != null) {
            request.header(HttpHeaders.ACCEPT, accept);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            HttpHeaders headers = new HttpHeaders();
            response.headers().map().forEach(headers::addAll);
            return ResponseEntity.status(response.statusCode()).headers(headers).body(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
