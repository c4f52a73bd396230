package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.catalogue.CatalogueGraph;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The HealthDCAT-AP view of the real catalogue, walked over HTTP as an EHDS harvester would: every dataset not open
 * to all is on it once, and the whole conforms to HealthDCAT-AP's release-5 shapes for non-public data (with the
 * DCAT-AP 3.0.1 shapes and ranges) — access rights, legislation, access body, categories, CSVW tables of the SNDS.
 */
@IntegrationTest
class HealthDcatProfileTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    CatalogueGraph catalogue;
    @Autowired
    DcatUris uris;
    @Autowired
    Neo4jClient neo4j;

    @BeforeEach
    void realCatalogue() {
        catalogue.load();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/turtle").build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every page of the view, following hydra:next from the first. */
    private Model walk() throws Exception {
        Model whole = ModelFactory.createDefaultModel();
        String next = uris.healthPage(1);
        int pages = 0;
        while (next != null) {
            HttpResponse<String> response = get(next.substring(uris.base().length()));
            assertThat(response.statusCode()).as(next).isEqualTo(200);
            Model page = ModelFactory.createDefaultModel();
            RDFDataMgr.read(page, new StringReader(response.body()), null, Lang.TURTLE);
            Resource view = page.listSubjectsWithProperty(RDF.type, DcatAp.PartialCollectionView).next();
            assertThat(view.getURI()).as("the view's own paging").contains("profile=healthdcat-ap");
            Resource nextPage = view.getPropertyResourceValue(DcatAp.next);
            next = nextPage == null ? null : nextPage.getURI();
            whole.add(page);
            pages++;
        }
        assertThat(pages).isPositive();
        return whole;
    }

    @Test
    void theNonPublicDatasetsConformToHealthDcatApWithTheirAccessBodyAndTheirTables() throws Exception {
        Model whole = walk();
        long covered = neo4j.query("MATCH (d:Dataset) WHERE coalesce(d.accessGranular, d.accessLevel) IN ['ON_REQUEST', 'RESTRICTED', 'CLOSED'] "
                + "RETURN count(d)").fetchAs(Long.class).one().orElseThrow();
        List<Resource> datasets = whole.listSubjectsWithProperty(RDF.type, DCAT.Dataset).toList();
        assertThat(datasets).hasSize((int) covered).hasSizeGreaterThan(5);

        DcatShacl.Result result = DcatShacl.healthDcatAp(DcatFixtures.shapesDir()).validate(whole);
        assertThat(result.conforms()).as(result.describeViolations(15)).isTrue();

        Resource snds = whole.getResource(uris.dataset(DcatRecords.DatasetKind.DATASET, "snds"));
        assertThat(datasets).contains(snds);
        assertThat(snds.getPropertyResourceValue(DCTerms.accessRights).getURI()).endsWith("/access-right/NON_PUBLIC");
        assertThat(snds.getPropertyResourceValue(DcatAp.applicableLegislation).getURI())
                .isEqualTo("http://data.europa.eu/eli/reg/2025/327/oj");
        assertThat(snds.getPropertyResourceValue(DcatAp.hdab).getURI()).isEqualTo(uris.agent("health-data-hub"));
        // The SNDS tables as CSVW: every table of the published schemas, with its columns.
        List<RDFNode> tables = new ArrayList<>();
        whole.listObjectsOfProperty(DcatAp.table).forEach(tables::add);
        assertThat(tables).hasSize(neo4j.query("MATCH (t:Table)-[:PART_OF]->(d:Dataset) WHERE coalesce(d.accessGranular, d.accessLevel) IN "
                + "['ON_REQUEST', 'RESTRICTED', 'CLOSED'] RETURN count(t)").fetchAs(Long.class).one().orElseThrow().intValue());
        assertThat(tables).isNotEmpty();
        assertThat(whole.listSubjectsWithProperty(RDF.type, DcatAp.Column).toList()).hasSizeGreaterThan(tables.size());
        // Nothing open is in the view.
        assertThat(whole.listObjectsOfProperty(DCTerms.accessRights).toList()).extracting(n -> n.asResource().getURI())
                .allMatch(u -> u.endsWith("/NON_PUBLIC"));
    }

    @Test
    void everyUriOfThisServiceTheViewNamesDereferencesToADescriptionOfIt() throws Exception {
        Model whole = walk();
        Set<String> named = new TreeSet<>();
        whole.listStatements().forEach(st -> {
            for (RDFNode node : List.of(st.getSubject(), st.getPredicate(), st.getObject())) {
                if (node.isURIResource() && node.asResource().getURI().startsWith(uris.base() + "/id/")) {
                    named.add(node.asResource().getURI());
                }
            }
        });
        // Tables and columns, provenance, the access distribution, publishers' contacts, the view's own concepts.
        assertThat(named).anyMatch(u -> u.contains("/column/")).anyMatch(u -> u.endsWith("/provenance"))
                .anyMatch(u -> u.endsWith("/distribution/access")).anyMatch(u -> u.endsWith("/contact"))
                .anyMatch(u -> u.contains("/id/health-category/")).anyMatch(u -> u.endsWith("/id/dataset-type/scheme"));
        // Each table and column is answered by the same path (its dataset's description): thousands of SNDS
        // columns are sampled, every 25th table and column in order; every other URI is asked for.
        List<String> asked = new ArrayList<>();
        int structure = 0;
        for (String uri : named) {
            if (!uri.contains("/table/") || structure++ % 25 == 0) {
                asked.add(uri);
            }
        }
        List<String> failing = new ArrayList<>();
        for (String uri : asked) {
            HttpResponse<String> response = get(uri.substring(uris.base().length()));
            if (response.statusCode() != 200) {
                failing.add(response.statusCode() + " " + uri);
                continue;
            }
            Model described = ModelFactory.createDefaultModel();
            RDFDataMgr.read(described, new StringReader(response.body()), null, Lang.TURTLE);
            if (!described.listStatements(described.getResource(uri), null, (RDFNode) null).hasNext()) {
                failing.add("not described: " + uri);
            }
        }
        assertThat(failing).as("of " + asked.size() + " URIs asked for, " + named.size() + " named").isEmpty();
    }

    @Test
    void anUnknownProfileIsRefusedSayingWhichExist() throws Exception {
        HttpResponse<String> response = get("/catalog?profile=geodcat");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("dcat-ap").contains("healthdcat-ap");
        assertThat(get("/catalog?profile=dcat-ap").statusCode()).isEqualTo(200);
        assertThat(get("/catalog?profile=healthdcat-ap&page=99").statusCode()).isEqualTo(400);
    }
}
