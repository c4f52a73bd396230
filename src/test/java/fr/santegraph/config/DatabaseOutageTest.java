package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.SantegraphApplication;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * With an external database that goes away, health turns DOWN and queries fail fast with a clear error; when it
 * comes back, the service recovers by itself. The "external" server is a Neo4j started by the test and stopped
 * and restarted on the same port.
 */
class DatabaseOutageTest {

    /** A query the database answers (territories are answered from memory, see below). */
    private static final String QUERY = "{\"query\":\"{ datasets(first: 1) { totalCount } }\"}";
    private static final String TERRITORIES = "{\"query\":\"{ territories(filter: {level: REGION}, first: 1) { totalCount } }\"}";
    private static final String ANSWERED = "\"totalCount\":23"; // the bundled datasets and the indicators' sources

    @TempDir
    Path serverDir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> get(int port, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> graphql(int port) throws Exception {
        return graphql(port, QUERY);
    }

    private HttpResponse<String> graphql(int port, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private EmbeddedNeo4jConfiguration.EmbeddedNeo4j startServer(int boltPort) {
        return EmbeddedNeo4jConfiguration.EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(
                serverDir, boltPort, "128m", false, Duration.ZERO, false, "an-outage-test-password"));
    }

    @Test
    void healthTurnsDownQueriesFailFastAndTheServiceRecoversWhenTheDatabaseReturns() throws Exception {
        var server = startServer(0);
        int boltPort = server.boltUri().getPort();
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SantegraphApplication.class)
                .properties("spring.neo4j.uri=bolt://127.0.0.1:" + boltPort, "server.port=0",
                        "spring.neo4j.authentication.username=neo4j",
                        "spring.neo4j.authentication.password=an-outage-test-password",
                        "santegraph.bundled.location=bundles/small/",
                        "spring.neo4j.connection-timeout=2s", "spring.neo4j.pool.connection-acquisition-timeout=2s")
                .run()) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
            assertThat(graphql(port).body()).contains(ANSWERED);

            server.destroy();

            long started = System.nanoTime();
            HttpResponse<String> duringOutage = graphql(port);
            Duration answeredIn = Duration.ofNanos(System.nanoTime() - started);
            assertThat(duringOutage.body()).contains("DATABASE_UNAVAILABLE").contains("the database is unavailable")
                    .doesNotContain("Exception");
            assertThat(answeredIn).isLessThan(Duration.ofSeconds(10));
            HttpResponse<String> health = get(port, "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("\"status\":\"DOWN\"");
            // Territories are reference data held in memory: they are still served while the database is away.
            assertThat(graphql(port, TERRITORIES).body()).contains("\"totalCount\":18");

            server = startServer(boltPort);

            String afterRestart = "";
            for (long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos(); System.nanoTime() < deadline; ) {
                afterRestart = graphql(port).body();
                if (afterRestart.contains(ANSWERED)) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(afterRestart).contains(ANSWERED);
            assertThat(get(port, "/actuator/health").statusCode()).isEqualTo(200);
        } finally {
            server.destroy();
        }
    }
}
