package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import java.io.StringReader;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/** The URIs datasets use for spatial coverage dereference to the real territories. */
@IntegrationTest
class TerritoryRdfTest {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RealGraph realGraph;
    @Autowired
    DcatUris uris;
    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void territories() {
        realGraph.territories();
    }

    @Test
    void aCommuneUriAnswersItsLocationWithLabelCodeAndCentroid() {
        ResponseEntity<String> response = get("/id/territory/commune:42218", "text/turtle");

        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).isEqualTo("text/turtle;charset=UTF-8");
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(response.getBody())).lang(Lang.TURTLE).parse(model);
        Resource commune = model.getResource(uris.place(new DcatRecords.Place("commune:42218", "x")));
        assertThat(commune.hasProperty(RDF.type, DCTerms.Location)).isTrue();
        assertThat(commune.getProperty(SKOS.prefLabel).getString()).isEqualTo("Saint-Étienne");
        assertThat(commune.getProperty(DCTerms.identifier).getString()).isEqualTo("42218");
        assertThat(commune.getProperty(DCAT.centroid).getLiteral().getLexicalForm()).startsWith("POINT(4.");
        assertThat(DcatShacl.mandatory(DcatFixtures.shapesDir()).validate(model).conforms()).isTrue();
    }

    @Test
    void unknownTerritoriesAre404AndUnsupportedTypes406() {
        assertThat(get("/id/territory/commune:00000", null).getStatusCode().value()).isEqualTo(404);
        assertThat(get("/id/territory/commune:42218", "text/csv").getStatusCode().value()).isEqualTo(406);
        assertThat(get("/id/territory/region:84", "application/ld+json").getHeaders().getContentType().toString())
                .startsWith("application/ld+json");
    }

    @Test
    void theUriGraphQlServesDereferencesToRdfDescribingThatTerritory() {
        String uri = graphQl.documentName("territoryUri").variable("code", "2A004").execute()
                .path("territory.uri").entity(String.class).get();

        assertThat(uri).isEqualTo(uris.base() + "/id/territory/commune:2A004");
        ResponseEntity<String> response = get(uri.substring(uris.base().length()), "application/n-triples");
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        Model model = ModelFactory.createDefaultModel();
        RDFParser.create().source(new StringReader(response.getBody())).lang(Lang.NTRIPLES).parse(model);
        assertThat(model.getResource(uri).getProperty(SKOS.prefLabel).getString()).isEqualTo("Ajaccio");
    }

    private ResponseEntity<String> get(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        if (accept != null) {
            headers.set(HttpHeaders.ACCEPT, accept);
        }
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
