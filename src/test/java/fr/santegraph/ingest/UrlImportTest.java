package fr.santegraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.santegraph.ScratchGraphTest;
import fr.santegraph.practitioner.PractitionerImporter;
import fr.santegraph.territory.TerritoryImporter;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Status;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * {@code import practitioners --url}: against a server on 127.0.0.1 that serves a zip like the ANS one (there is no
 * internet here), with its ETag; what a portal meets when the download goes wrong.
 */
class UrlImportTest extends ScratchGraphTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/practitioners");
    static final String STAMP = "202403150900";

    @Autowired
    PractitionerImporter practitioners;
    @Autowired
    TerritoryImporter territories;
    @Autowired
    RemoteImport remote;
    @TempDir
    Path dir;

    private HttpServer server;
    /** What the server does with the next request: serve the zip (200 or 304), or misbehave. */
    private final AtomicReference<String> mode = new AtomicReference<>("serve");
    private final AtomicInteger bodiesSent = new AtomicInteger();
    private byte[] zip;

    @BeforeEach
    void serveAnAnsLikeZip() throws Exception {
        territories.importDirectory(FIXTURES.resolve("territories"));
        Path file = dir.resolve("PS_LibreAcces_" + STAMP + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            for (String kind : List.of("Personne_activite", "Dipl_AutExerc", "SavoirFaire")) {
                String name = "PS_LibreAcces_" + kind + "_" + STAMP + ".txt";
                out.putNextEntry(new ZipEntry(name));
                out.write(Files.readAllBytes(FIXTURES.resolve("published").resolve(name)));
            }
        }
        zip = Files.readAllBytes(file);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/extraction/PS_LibreAcces", this::answer);
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String etag = "\"" + STAMP + "\"";
        switch (mode.get()) {
            case "missing" -> exchange.sendResponseHeaders(404, -1);
            case "truncated" -> {
                exchange.getResponseHeaders().set("Content-Length", String.valueOf(zip.length));
                exchange.sendResponseHeaders(200, zip.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(zip, 0, zip.length / 2);
                } catch (IOException expected) {
                    // the client sees a short body
                }
            }
            case "slow" -> {
                exchange.sendResponseHeaders(200, zip.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(zip, 0, 100);
                    out.flush();
                    Thread.sleep(5_000);
                    out.write(zip, 100, zip.length - 100);
                } catch (IOException | InterruptedException expected) {
                    // the client gave up
                }
            }
            default -> {
                if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                    exchange.sendResponseHeaders(304, -1);
                } else {
                    exchange.getResponseHeaders().set("ETag", etag);
                    // The ANS address has no file name: the server names it.
                    exchange.getResponseHeaders().set("Content-Disposition",
                            "attachment; filename=\"PS_LibreAcces_" + STAMP + ".zip\"");
                    exchange.sendResponseHeaders(200, zip.length);
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(zip);
                    }
                    bodiesSent.incrementAndGet();
                }
            }
        }
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/extraction/PS_LibreAcces";
    }

    private ImportSummary importUrl(String... options) throws IOException {
        String[] keyValues = new String[options.length + 2];
        keyValues[0] = "url";
        keyValues[1] = url();
        System.arraycopy(options, 0, keyValues, 2, options.length);
        return remote.run(practitioners, ImportRequest.of("practitioners", keyValues));
    }

    @Test
    void theZipIsDownloadedImportedAndNotDownloadedAgainWhileUnchanged() throws Exception {
        ImportSummary first = importUrl();
        assertThat(first.counter("practitioners created")).isEqualTo(8);
        assertThat(first.counter("savoir-faire links")).isEqualTo(2);
        assertThat(neo4j.query("MATCH (r:ImportRun) RETURN r.stamp").fetchAs(String.class).one()).contains(STAMP);

        ImportSummary second = importUrl();
        assertThat(second.counter(RemoteImport.NOT_MODIFIED)).isEqualTo(1);
        assertThat(bodiesSent).hasValue(1);
        assertThat(count("MATCH (r:ImportRun) RETURN count(r)")).isEqualTo(1);

        importUrl("force-download", "true");
        assertThat(bodiesSent).hasValue(2);
    }

    @Test
    void aMissingFileAShortBodyOrASlowServerImportNothing() {
        mode.set("missing");
        assertThatThrownBy(this::importUrl).isInstanceOf(ImportFailedException.class)
                .hasMessage("GET " + url() + ": HTTP 404 Not Found; nothing was imported");
        // The server announces the whole zip, sends half and stalls.
        mode.set("truncated");
        assertThatThrownBy(() -> importUrl("download-idle-timeout", "1s")).isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("the server sent nothing for 1 s").hasMessageContaining("nothing was imported");
        mode.set("slow");
        assertThatThrownBy(() -> importUrl("download-timeout", "2s")).isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("not downloaded within 2 s");
        assertThatThrownBy(() -> importUrl("max-download-size", "100B")).isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("above the limit of 100");
        assertThat(count("MATCH (n) WHERE n:Practitioner OR n:ImportRun OR n:Download RETURN count(n)")).isZero();
    }

    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void aScheduledRefreshRecordsItsOutcomeAndNextRunForAdminEyesOnly() {
        RefreshScheduler scheduler = new RefreshScheduler(List.of(practitioners), new RefreshProperties(Map.of(
                "practitioners", new RefreshProperties.Source(url(), "0 30 6 * * *", Map.of()))), remote);
        try {
            assertThat(scheduler.statuses()).singleElement().satisfies(status -> {
                assertThat(status.lastOutcome()).isNull();
                assertThat(status.nextRunAt().getHour()).isEqualTo(6);
            });
            assertThat(scheduler.runNow("practitioners").lastOutcome()).isEqualTo(RefreshScheduler.Outcome.IMPORTED);
            assertThat(scheduler.runNow("practitioners").lastOutcome()).isEqualTo(RefreshScheduler.Outcome.NOT_MODIFIED);
            mode.set("missing");
            RefreshScheduler.Status failed = scheduler.runNow("practitioners");
            assertThat(failed.lastOutcome()).isEqualTo(RefreshScheduler.Outcome.FAILED);
            assertThat(failed.lastMessage()).contains("HTTP 404");
            assertThat(count("MATCH (p:Practitioner {active: true}) RETURN count(p)")).isEqualTo(8);
            var health = scheduler.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("failing", List.of("practitioners"))
                    .containsKey("practitioners");
        } finally {
            scheduler.destroy();
        }
        // The service's own schedule (none in tests) is listed to ADMIN only.
        graphQl.mutate().header("X-API-Key", "test-admin-key").build()
                .document("{ scheduledRefreshes { source lastOutcome nextRunAt } }").execute()
                .path("scheduledRefreshes").entityList(Object.class).hasSize(0);
        graphQl.document("{ scheduledRefreshes { source } }").execute().errors()
                .satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(error -> assertThat(error.getErrorType().toString()).isIn("FORBIDDEN", "UNAUTHORIZED")));
    }

    @Test
    void aMisconfiguredScheduleFailsTheStartSayingWhy() {
        assertThatThrownBy(() -> new RefreshScheduler(List.of(practitioners), new RefreshProperties(Map.of(
                "practitioners", new RefreshProperties.Source(url(), "every morning", Map.of()))), remote))
                .hasMessageContaining("is not a cron expression");
        assertThatThrownBy(() -> new RefreshScheduler(List.of(practitioners), new RefreshProperties(Map.of(
                "planets", new RefreshProperties.Source(url(), "0 0 3 * * *", Map.of()))), remote))
                .hasMessageContaining("no such import source");
    }

    @Test
    void onlyHttpAddressesAreFetched() {
        assertThatThrownBy(() -> remote.run(practitioners, ImportRequest.of("practitioners", "url", "file:///etc/passwd")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not an http(s) URL");
    }
}
