package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** Health says whether the service may take traffic, not only whether the database answers. */
@IntegrationTest
class HealthEndpointTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void componentsArePublicTheirDetailsAreForAdminOnly() throws Exception {
        String anonymous = get("/actuator/health").body();
        assertThat(anonymous).contains("\"neo4j\"").contains("\"refresh\"").doesNotContain("server")
                .doesNotContain("details");
        String admin = get("/actuator/health", "X-API-Key", "test-admin-key").body();
        assertThat(admin).contains("\"server\"").contains("\"scheduled\":0");
    }

    @Test
    void metricsAreForAdminOnly() throws Exception {
        assertThat(get("/actuator/metrics").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics/jvm.memory.used").statusCode()).isEqualTo(401);
        assertThat(get("/actuator/metrics", "X-API-Key", "test-editor-key").statusCode()).isEqualTo(403);
        assertThat(get("/actuator/metrics", "X-API-Key", "test-admin-key").body()).contains("jvm.memory.used");
    }

    @Test
    void healthIsOutOfServiceUntilStartUpWorkIsDoneThenUp() throws Exception {
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").body()).contains("\"UP\"");
        try {
            // What the application publishes while its runners (the bundled data loader) have not finished.
            AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
            HttpResponse<String> starting = get("/actuator/health");
            assertThat(starting.statusCode()).isEqualTo(503);
            assertThat(starting.body()).contains("OUT_OF_SERVICE").contains("\"neo4j\"");
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
    }
}
