package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.common.GraphVersion;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.SourceImported;
import fr.santegraph.practitioner.PractitionerImporter;
import fr.santegraph.support.CypherCounter;
import fr.santegraph.territory.TerritoryImporter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.ExecutionGraphQlService;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.unit.DataSize;

/**
 * Answers kept while the graph is unchanged: never served after a write, never served to another kind of caller; and
 * after an import, the questions most asked before it answered again in the background — asked again, they need no
 * statement, their answers are those of the new graph, each kept for the kind of caller who asked it. The service's
 * own warmer is off in tests (it would replay other tests' questions); the warming tests run the real GraphQL
 * handler, schema and database, with a cache and a warmer of their own.
 */
class ResultCacheTest extends ScratchGraphTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/practitioners");

    @Autowired
    TerritoryImporter territories;
    @Autowired
    PractitionerImporter practitioners;
    @Autowired
    CypherCounter cypher;
    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    ResultCacheInterceptor interceptor;
    @Autowired
    ExecutionGraphQlService graphQlService;
    @Autowired
    GraphVersion version;
    @Autowired
    QueryLimitsProperties limits;

    static final String NAME = "query practitionerName($id: ID!) { practitioner(id: $id) { nationalId lastName } }";
    static final String MASKED = "{ indicatorValues(indicator: \"warm\") { nodes { value valueMasked } } }";

    private ResultCacheInterceptor cache;
    private WebGraphQlHandler handler;
    private ResultCacheWarmer warmer;

    @BeforeEach
    void importPractitioners() throws Exception {
        territories.importDirectory(FIXTURES.resolve("territories"));
        practitioners.run(ImportRequest.of("practitioners", "file",
                FIXTURES.resolve("refresh-b/PS_LibreAcces_Personne_activite_202402150900.txt").toString()));
        warmerAsking(100);
    }

    @AfterEach
    void stopWarmer() {
        warmer.close();
    }

    private String lastNameOf(String nationalId) {
        return graphQl.documentName("practitionerName").variable("id", nationalId).execute()
                .path("practitioner.lastName").entity(String.class).get();
    }

    @Test
    void aQueryAskedAgainIsAnsweredWithoutTheDatabaseUntilTheGraphChanges() {
        String first = lastNameOf("810000000005");
        long again = cypher.count(() -> assertThat(lastNameOf("810000000005")).isEqualTo(first));
        assertThat(again).as("statements sent for the same query asked again").isZero();

        neo4j.query("MATCH (p:Practitioner {id: '810000000005'}) SET p.lastName = 'RENOMMÉ'").run();

        long afterWrite = cypher.count(() -> assertThat(lastNameOf("810000000005")).isEqualTo("RENOMMÉ"));
        assertThat(afterWrite).as("statements sent after the graph changed").isPositive();
    }

    @Test
    void anAnswerKeptForAnInstitutionIsNotServedToAnAnonymousCaller() {
        maskedCountOf3("cache");
        String query = "{ indicatorValues(indicator: \"cache\") { nodes { value valueMasked } } }";
        HttpGraphQlTester institution = graphQl.mutate().header("X-API-Key", "test-institution-key").build();
        institution.document(query).execute()
                .path("indicatorValues.nodes[0].value").entity(Double.class).isEqualTo(3.0);

        graphQl.document(query).execute()
                .path("indicatorValues.nodes[0].value").valueIsNull()
                .path("indicatorValues.nodes[0].valueMasked").entity(Boolean.class).isEqualTo(true);
    }

    /** Indicator {@code code} with one count of 3 in département 01, masked for anonymous callers. */
    private void maskedCountOf3(String code) {
        neo4j.query("""
                MATCH (t:Territory {id: 'department:01'})
                CREATE (i:Indicator {id: 'indicator:' + $code, code: $code, name: $code, valueKind: 'COUNT'})
                CREATE (o:Observation {id: 'indicator:' + $code + '|department:01|2022', indicatorId: 'indicator:' + $code,
                        territoryId: 'department:01', period: '2022', periodType: 'YEAR', value: 3.0, count: 3,
                        countMasked: true, denominatorMasked: false, valueMasked: true})
                CREATE (o)-[:OF_INDICATOR]->(i), (o)-[:FOR_TERRITORY]->(t)""").bind(code).to("code").run();
    }

    @Test
    void answersWithErrorsAndMutationsAreNotKept() {
        lastNameOf("810000000005");
        assertThat(interceptor.cache().size()).as("answers kept after a first query on a new graph").isEqualTo(1);

        graphQl.document("{ practitioners(filter: {territory: \"nowhere:1\"}) { totalCount } }").execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty());
        graphQl.documentName("submitSuggestion").variable("input", Map.of("kind", "OPEN_DATASET",
                "title", "Ouvrir le RPPS géocodé", "reason", "Cartes des cabinets")).execute()
                .path("submitSuggestion.__typename").entity(String.class).isEqualTo("SuggestionSubmitted");
        assertThat(interceptor.cache().size()).as("answers kept after an error and a mutation").isEqualTo(1);
    }

    private void warmerAsking(int questions) {
        var properties = new ResultCacheProperties(DataSize.ofMegabytes(8), Duration.ofMinutes(10), false, questions,
                Duration.ofMinutes(1));
        cache = new ResultCacheInterceptor(properties, version, new SimpleMeterRegistry(), Clock.systemUTC());
        handler = WebGraphQlHandler.builder(graphQlService).interceptors(List.of(cache)).build();
        warmer = new ResultCacheWarmer(cache, () -> handler, properties, limits, new SimpleMeterRegistry());
    }

    /** The data of {@code document} asked by a caller with these roles (none: anonymous). */
    private Map<String, Object> ask(String document, Map<String, Object> variables, String... roles) {
        var authorities = Arrays.stream(roles).map(role -> new SimpleGrantedAuthority("ROLE_" + role)).toList();
        if (roles.length > 0) {
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated("api-key:test", null, authorities));
        }
        try {
            WebGraphQlResponse response = handler.handleRequest(new WebGraphQlRequest(URI.create("http://localhost/graphql"),
                    new HttpHeaders(), null, null, new HashMap<>(), new DefaultGraphQlRequest(document, null, variables, null),
                    "test", null)).block(Duration.ofSeconds(30));
            assertThat(response.getErrors()).isEmpty();
            return response.getData();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Asked through the warming tests' handler (their own cache), not over HTTP. */
    @SuppressWarnings("unchecked")
    private String lastNameAskedOf(String id) {
        Map<String, Object> practitioner = (Map<String, Object>) ask(NAME, Map.of("id", id)).get("practitioner");
        return (String) practitioner.get("lastName");
    }

    private void warmAfterAWrite(String cypherWrite) throws InterruptedException {
        neo4j.query(cypherWrite).run();
        warmer.sourceImported(new SourceImported(SourceImported.PRACTITIONERS, true));
        assertThat(warmer.awaitIdle(Duration.ofSeconds(60))).as("warming ended").isTrue();
    }

    @Test
    void questionsAskedBeforeAnImportAreAnsweredAgainFromTheNewGraphWithoutTheirCallers() throws Exception {
        String before = lastNameAskedOf("810000000005");
        lastNameAskedOf("810000000005");
        assertThat(before).isNotEqualTo("RENOMMÉ");

        warmAfterAWrite("MATCH (p:Practitioner {id: '810000000005'}) SET p.lastName = 'RENOMMÉ'");

        long statements = cypher.count(() -> assertThat(lastNameAskedOf("810000000005")).isEqualTo("RENOMMÉ"));
        assertThat(statements).as("statements sent for a question warmed after the change").isZero();
        assertThat(warmer.last()).extracting(ResultCacheWarmer.Outcome::answered, ResultCacheWarmer.Outcome::failed)
                .containsExactly(1, 0);
    }

    @Test
    void anInstitutionsQuestionIsWarmedForInstitutionsAndTheAnonymousOneStaysMasked() throws Exception {
        maskedCountOf3("warm");
        assertThat(firstValue(ask(MASKED, Map.of(), "INSTITUTION"))).containsEntry("value", 3.0);

        warmAfterAWrite("MATCH (o:Observation {id: 'indicator:warm|department:01|2022'}) SET o.value = 4.0, o.count = 4");

        long statements = cypher.count(() -> {
            assertThat(firstValue(ask(MASKED, Map.of(), "INSTITUTION"))).containsEntry("value", 4.0);
        });
        assertThat(statements).as("the institution's question, warmed").isZero();
        Map<String, Object> anonymous = firstValue(ask(MASKED, Map.of()));
        assertThat(anonymous.get("value")).as("never the institution's warmed answer").isNull();
        assertThat(anonymous).containsEntry("valueMasked", true);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstValue(Map<String, Object> data) {
        var values = (Map<String, Object>) data.get("indicatorValues");
        return ((List<Map<String, Object>>) values.get("nodes")).get(0);
    }

    @Test
    void aWarmingAsksAtMostWarmQuestionsTheMostAskedFirst() throws Exception {
        warmer.close();
        warmerAsking(2);
        for (int i = 0; i < 3; i++) {
            lastNameAskedOf("810000000005");
        }
        lastNameAskedOf("810000000006");
        lastNameAskedOf("810000000006");
        lastNameAskedOf("810000000007");
        // A question answered with errors is never one to warm.
        WebGraphQlResponse failed = handler.handleRequest(new WebGraphQlRequest(URI.create("http://localhost/graphql"),
                new HttpHeaders(), null, null, new HashMap<>(), new DefaultGraphQlRequest(
                "{ practitioners(filter: {territory: \"nowhere:1\"}) { totalCount } }", null, Map.of(), null),
                "test", null)).block(Duration.ofSeconds(30));
        assertThat(failed.getErrors()).isNotEmpty();

        warmAfterAWrite("MATCH (p:Practitioner {id: '810000000007'}) SET p.lastName = 'CHANGÉ'");

        assertThat(warmer.last()).extracting(ResultCacheWarmer.Outcome::chosen, ResultCacheWarmer.Outcome::answered)
                .containsExactly(2, 2);
        assertThat(cypher.count(() -> lastNameAskedOf("810000000005"))).as("most asked: warmed").isZero();
        assertThat(cypher.count(() -> lastNameAskedOf("810000000006"))).as("second: warmed").isZero();
        assertThat(cypher.count(() -> lastNameAskedOf("810000000007"))).as("third: beyond warm-questions").isPositive();
    }
}
