package fr.santegraph.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.santegraph.support.ServiceProcess;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user of a fresh clone gets from {@code mvn spring-boot:run}: the service, started as its own JVM on an
 * empty store with nothing but the jar's bundled data, answers 503 until the whole reference graph is loaded, then
 * the counts the README promises and every runnable example of the README and docs; started again, it loads nothing.
 */
class FirstStartTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private HttpResponse<String> graphql(int port, String query) throws Exception {
        String body = JSON.writeValueAsString(Map.of("query", query));
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode data(int port, String query) throws Exception {
        HttpResponse<String> response = graphql(port, query);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode answer = JSON.readTree(response.body());
        assertThat(answer.path("errors").isMissingNode()).as("errors in %s", response.body()).isTrue();
        return answer.path("data");
    }

    private static ServiceProcess start(Path dataDir, int port) throws Exception {
        return ServiceProcess.start(dataDir, "--server.port=" + port, "--logging.level.fr.santegraph=info");
    }

    @Test
    void aFreshStoreAnswers503UntilTheWholeReferenceGraphIsLoadedThenLoadsNothingOnTheNextStart() throws Exception {
        int port = freePort();
        long started = System.nanoTime();
        try (ServiceProcess service = start(dataDir, port)) {
            var listening = service.await(line -> line.contains("Tomcat started on port"));
            var loaded = service.await(line -> line.contains("Bundled data:") && line.contains("sources checked"));
            listening.get(120, TimeUnit.SECONDS);

            // The web server listens before the loading ends: data endpoints refuse, health says why.
            assertThat(loaded).as("loading already over: nothing left to check").isNotDone();
            HttpResponse<String> early = graphql(port, "{ territories(filter: {level: REGION}, first: 1) { totalCount } }");
            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(early.headers().firstValue("Retry-After")).contains("10");
            assertThat(early.body()).contains("loading its bundled reference data");
            assertThat(get(port, "/catalog").statusCode()).isEqualTo(503);
            HttpResponse<String> health = get(port, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"bundledData\":{\"status\":\"OUT_OF_SERVICE\"");

            String summary = loaded.get(600, TimeUnit.SECONDS);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("[first start] whole reference graph in %.0f s: %s%n", seconds, summary);

            JsonNode counts = data(port, """
                    { communes: territories(filter: {level: COMMUNE}, first: 1) { totalCount }
                      epcis: territories(filter: {level: EPCI}, first: 1) { totalCount }
                      indicators(first: 1) { totalCount }
                      datasets(first: 1) { totalCount }
                      snds: datasets(filter: {source: "snds-schema"}, first: 100) { nodes { tables { id } } } }""");
            assertThat(counts.at("/communes/totalCount").asLong()).isGreaterThanOrEqualTo(34_900);
            assertThat(counts.at("/epcis/totalCount").asLong()).isEqualTo(1_255);
            assertThat(counts.at("/indicators/totalCount").asLong()).isGreaterThanOrEqualTo(19_355);
            assertThat(counts.at("/datasets/totalCount").asLong()).isGreaterThanOrEqualTo(284);
            long tables = 0;
            for (JsonNode dataset : counts.at("/snds/nodes")) {
                tables += dataset.path("tables").size();
            }
            assertThat(tables).isEqualTo(186);
            assertThat(data(port, "{ territories(filter: {nameContains: \"saint etienne\", level: COMMUNE}, first: 3) "
                    + "{ nodes { code } } }").at("/territories/nodes/0/code").asText()).isEqualTo("42218");

            for (Path page : ReadmeExamples.pages()) {
                for (String example : ReadmeExamples.runnable(page)) {
                    assertThat(graphql(port, example).body()).as("%s:%n%s", page, example).doesNotContain("\"errors\"");
                }
            }
            // 143: the JVM ended by SIGTERM after its shutdown hooks (closing the store) ran.
            assertThat(service.terminate(60)).isIn(0, 143);
        }

        try (ServiceProcess again = start(dataDir, port)) {
            var loaded = again.await(line -> line.contains("Bundled data:") && line.contains("sources checked"));
            String summary = loaded.get(120, TimeUnit.SECONDS);
            assertThat(summary).contains("0 rows loaded");
            int sources = new BundledSources(BundledSources.DEFAULT_LOCATION).all().size();
            assertThat(summary.split("kept: already loaded", -1)).hasSize(sources + 1);
            assertThat(data(port, "{ territories(filter: {level: EPCI}, first: 1) { totalCount } }")
                    .at("/territories/totalCount").asLong()).isEqualTo(1_255);
            assertThat(again.terminate(60)).isIn(0, 143);
        }
    }

    /** The GraphQL examples of the README and the docs that answer on the bundled graph. */
    static final class ReadmeExamples {
        static List<Path> pages() throws Exception {
            List<Path> pages = new ArrayList<>(List.of(Path.of("README.md")));
            try (var docs = Files.list(Path.of("docs"))) {
                docs.filter(page -> page.toString().endsWith(".md")).sorted().forEach(pages::add);
            }
            return pages;
        }

        /** An example after this marker needs data the bundle lacks (an import): it is not run. */
        static final String AFTER_AN_IMPORT = "<!-- after an import -->";

        static List<String> runnable(Path markdown) throws Exception {
            return examples(markdown, false);
        }

        /** The examples marked as needing an import ({@link ReadmeAfterAnImportTest} runs them after one). */
        static List<String> afterAnImport(Path markdown) throws Exception {
            return examples(markdown, true);
        }

        private static List<String> examples(Path markdown, boolean afterAnImport) throws Exception {
            List<String> examples = new ArrayList<>();
            List<String> lines = Files.readAllLines(markdown);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().equals("```graphql")) {
                    boolean skip = i > 0 && lines.get(i - 1).contains(AFTER_AN_IMPORT);
                    StringBuilder example = new StringBuilder();
                    for (i++; i < lines.size() && !lines.get(i).strip().equals("```"); i++) {
                        example.append(lines.get(i)).append('\n');
                    }
                    if (skip == afterAnImport) {
                        examples.add(example.toString());
                    }
                }
            }
            return examples;
        }
    }
}
