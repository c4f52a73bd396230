package fr.santegraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.util.FileSystemUtils;

/** What an attacker tried, as requests: each must be refused plainly, cheaply, and without telling anything. */
@ExtendWith(OutputCaptureExtension.class)
class AttackCorpusTest extends ScratchGraphTest {

    private static final String DREES = "src/test/resources/fixtures/catalogue/drees-bad";

    @Autowired
    HttpGraphQlTester graphQl;
    @TempDir
    Path outside;
    @LocalServerPort
    int port;

    private HttpResponse<String> post(String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String onlyError(GraphQlTester.Response response) {
        String[] message = new String[1];
        response.errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST"));
            message[0] = errors.get(0).getMessage();
        });
        return message[0];
    }

    private HttpGraphQlTester admin() {
        return graphQl.mutate().header("X-API-Key", "test-admin-key").build();
    }

    private ResponseError importError(String source, Map<String, String> options) {
        List<Map<String, String>> list = options.entrySet().stream()
                .map(e -> Map.of("name", e.getKey(), "value", e.getValue())).toList();
        ResponseError[] error = new ResponseError[1];
        admin().documentName("runImportWith").variable("source", source).variable("options", list).execute()
                .errors().satisfy(errors -> error[0] = errors.stream().findFirst().orElseThrow());
        return error[0];
    }

    @Test
    void anAdminCannotReadAFileOutsideTheAllowedFoldersThroughAnyPathOption() throws Exception {
        Path secret = outside.resolve("environ");
        Files.writeString(secret, "SANTEGRAPH_JWT_SECRET=do-not-tell\n");

        for (String option : List.of("producers", "file", "dir")) {
            Map<String, String> options = option.equals("dir") ? Map.of("dir", outside.toString())
                    : Map.of("dir", DREES, option, secret.toString());
            ResponseError error = importError(option.equals("file") ? "observations" : "drees-indicators", options);
            assertThat(error.getErrorType().toString()).as(option).isEqualTo("BAD_REQUEST");
            assertThat(error.getMessage()).as(option).contains("outside the folders").doesNotContain("do-not-tell")
                    .doesNotContain(secret.toString());
        }
        assertThat(count("MATCH (n) RETURN count(n)")).isZero();
    }

    @Test
    void whetherAFileOutsideTheAllowedFoldersExistsIsNotTold() throws Exception {
        Path existing = Files.writeString(outside.resolve("exists.csv"), "code,name\n");
        String there = importError("drees-indicators", Map.of("dir", DREES, "producers", existing.toString())).getMessage();
        String absent = importError("drees-indicators", Map.of("dir", DREES, "producers",
                outside.resolve("absent.csv").toString())).getMessage();

        assertThat(there).isEqualTo(absent);
    }

    @Test
    void aLinkInsideAnAllowedFolderDoesNotLeadOutOfIt() throws Exception {
        Path link = Files.createTempDirectory(Path.of("src/test/resources/fixtures"), "link-");
        try {
            Path secret = Files.writeString(outside.resolve("secret.csv"), "code,name\nx,do-not-tell\n");
            Path escape = Files.createSymbolicLink(link.resolve("producers.csv"), secret);
            ResponseError error = importError("drees-indicators", Map.of("dir", DREES, "producers", escape.toString()));
            assertThat(error.getMessage()).contains("outside the folders").doesNotContain("do-not-tell");
        } finally {
            FileSystemUtils.deleteRecursively(link);
        }
    }

    @Test
    void aHundredRefusedAliasesWriteOneLineOfLogAndNoStackTrace(CapturedOutput output) {
        String query = IntStream.range(0, 100).mapToObj(i -> "s" + i + ": suggestions(first: 1) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        int before = output.getAll().length();

        graphQl.document(query).execute().errors().satisfy(errors -> assertThat(errors).hasSize(100)
                .allSatisfy(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));

        String written = output.getAll().substring(before);
        assertThat(written.lines().filter(line -> line.contains("refused in part"))).hasSize(1);
        assertThat(written).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }

    @Test
    void aThousandAliasesOfAOneItemPageWithItsTotalAreRefusedBeforeAnyIsCounted() {
        String query = IntStream.range(0, 1000).mapToObj(i -> "t" + i + ": territories(first: 1) { totalCount }")
                .collect(Collectors.joining(" ", "{ ", " }"));

        graphQl.document(query).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                .satisfies(e -> assertThat(e.getMessage()).contains("santegraph.graphql.limits.max-cost")));
    }

    @Test
    void bodiesThatAreNotOneRequestObjectAre400sInTheCallersTerms() throws Exception {
        for (String body : List.of("null", "[{\"query\":\"{ __typename }\"}]", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}",
                "{\"query\": 42}", "{\"query\":\"{ __typename }\",\"operationName\":[]}", "{not json", "")) {
            var response = post(body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(response.body()).as(body).contains("BAD_REQUEST")
                    .doesNotContainIgnoringCase("exception").doesNotContain("org.springframework").doesNotContain("java.");
        }
        assertThat(post("{\"query\":\"{ __typename }\",\"variables\":null}").statusCode()).isEqualTo(200);
    }

    @Test
    void aNegativePageSizeIsAnErrorNotTheDefaultPage() {
        assertThat(onlyError(graphQl.document("{ territories(first: -1) { totalCount } }").execute()))
                .contains("first");
    }

    @Test
    void aForgedCursorIsRefused() {
        for (String cursor : List.of("O_-5", Base64.getEncoder().encodeToString("O_-5".getBytes()),
                Base64.getEncoder().encodeToString("O_99999999999999999999".getBytes()), "%%%")) {
            assertThat(onlyError(graphQl.document("{ territories(first: 1, after: \"" + cursor + "\") { totalCount } }")
                    .execute())).as(cursor).contains("after");
        }
    }

    @Test
    void anUnknownProfessionOrSpecialtyCodeIsNamedInsteadOfAnsweringNothing() {
        neo4j.query("CREATE (:Profession {code: '10', name: 'Médecin'})").run();

        assertThat(onlyError(graphQl.document("{ practitioners(filter: {profession: \"99\"}) { totalCount } }").execute()))
                .contains("unknown profession code '99'");
        assertThat(onlyError(graphQl.document("{ practitioners(filter: {specialty: \"XX1\"}, first: 5) { nodes { id } } }").execute()))
                .contains("unknown specialty code 'XX1'");
        graphQl.document("{ practitioners(filter: {profession: \"10\"}) { totalCount } }").execute()
                .path("practitioners.totalCount").entity(Integer.class).isEqualTo(0);
    }

    @Test
    void aWrongEnumValueIsAnsweredWithTheValuesTheEnumAllows() {
        for (var response : List.of(graphQl.document("{ territories(filter: {level: COMUNE}) { totalCount } }").execute(),
                graphQl.document("query($level: TerritoryLevel) { territories(filter: {level: $level}) { totalCount } }")
                        .variable("level", "COMUNE").execute())) {
            response.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(e ->
                    assertThat(e.getMessage()).contains("TerritoryLevel allows: ").contains("COMMUNE").contains("REGION")));
        }
    }
}
