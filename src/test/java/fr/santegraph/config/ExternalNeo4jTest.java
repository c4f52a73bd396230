package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.SantegraphApplication;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * With {@code spring.neo4j.uri} set, no database starts in-process and the service works against that server:
 * here a Neo4j started beside the test plays the remote server, reached with a {@code neo4j://} routing URI.
 */
class ExternalNeo4jTest {

    @TempDir
    static Path serverDir;
    static EmbeddedNeo4jConfiguration.EmbeddedNeo4j server;
    static final String PASSWORD = "a-test-server-password";

    @BeforeAll
    static void startServer() {
        server = EmbeddedNeo4jConfiguration.EmbeddedNeo4j.start(new EmbeddedNeo4jProperties(
                serverDir.resolve("server"), 0, "128m", false, Duration.ZERO, false, PASSWORD));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.destroy();
    }

    @Test
    void noEmbeddedDatabaseStartsWhenAUriIsConfigured() {
        new ApplicationContextRunner()
                .withUserConfiguration(EmbeddedNeo4jConfiguration.class)
                .withPropertyValues("spring.neo4j.uri=neo4j://db.example.org:7687")
                .run(context -> assertThat(context).doesNotHaveBean(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class));
    }

    @Test
    void theEmbeddedBoltConnectorRefusesACallerWithoutItsPassword() {
        for (var token : List.of(AuthTokens.none(),
                AuthTokens.basic("neo4j", "neo4j"), AuthTokens.basic("neo4j", "guess"))) {
            try (var driver = GraphDatabase.driver(server.boltUri(), token)) {
                Assertions.assertThatThrownBy(driver::verifyConnectivity)
                        .isInstanceOf(AuthenticationException.class);
            }
        }
    }

    @Test
    void theServiceUsesTheConfiguredServerThroughARoutingUri() {
        String uri = server.boltUri().toString().replace("bolt://", "neo4j://");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SantegraphApplication.class)
                .web(WebApplicationType.NONE)
                .properties("spring.neo4j.uri=" + uri, "santegraph.bundled.location=bundles/small/",
                        "spring.neo4j.authentication.username=neo4j",
                        "spring.neo4j.authentication.password=" + PASSWORD,
                        "santegraph.embedded.data-dir=" + serverDir.resolve("must-not-exist"))
                .run()) {
            assertThat(context.getBeansOfType(EmbeddedNeo4jConfiguration.EmbeddedNeo4j.class)).isEmpty();
            assertThat(serverDir.resolve("must-not-exist")).doesNotExist();
            // The bundled regions were written to the external server, and are read back through it.
            long regions = context.getBean(Neo4jClient.class).query("MATCH (r:Region) RETURN count(r)")
                    .fetchAs(Long.class).one().orElseThrow();
            assertThat(regions).isEqualTo(18);
        }
        try (var session = GraphDatabase.driver(server.boltUri(), server.authToken()).session()) {
            assertThat(session.run("MATCH (d:Department) RETURN count(d) AS n").single().get("n").asLong()).isEqualTo(101);
        }
    }
}
