package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.Config;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.kernel.recovery.Recovery;
import org.neo4j.memory.EmptyMemoryTracker;

/**
 * SIGTERM (what Ctrl-C, systemd and container runtimes send) stops the service with a clean store: the
 * transaction log ends on a checkpoint, so Neo4j needs no recovery on the next start.
 */
class GracefulShutdownTest {

    @TempDir
    Path dataDir;

    @Test
    void sigtermLeavesAStoreThatNeedsNoRecovery() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens", "java.base/java.nio=ALL-UNNAMED", "--add-opens", "java.base/java.io=ALL-UNNAMED",
                "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "fr.santegraph.SantegraphApplication",
                "--server.port=0", "--santegraph.embedded.data-dir=" + dataDir,
                "--santegraph.embedded.preallocate-logs=false", "--logging.level.root=info",
                "--santegraph.bundled.location=bundles/small/"));
        Process service = new ProcessBuilder(command).redirectErrorStream(true).start();
        StringBuilder log = new StringBuilder();
        CompletableFuture<Boolean> started = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (var lines = new BufferedReader(new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    log.append(line).append('\n');
                    if (line.contains("Bundled data:") && line.contains("sources checked")) {
                        started.complete(true);
                    }
                }
            } catch (Exception e) {
                started.completeExceptionally(e);
            }
            started.complete(false);
        });
        reader.start();
        try {
            assertThat(started.get(120, TimeUnit.SECONDS)).as("service started; log:%n%s", log).isTrue();

            new ProcessBuilder("kill", "-TERM", Long.toString(service.pid())).start().waitFor();
            assertThat(service.waitFor(60, TimeUnit.SECONDS)).as("service stopped within 60 s").isTrue();
            reader.join(30_000);
            log.append("exit status ").append(service.exitValue()).append('\n');
        } finally {
            service.destroyForcibly();
        }

        assertThat(log).contains("Embedded Neo4j stopped");
        Config config = Config.newBuilder().set(GraphDatabaseSettings.neo4j_home, dataDir).build();
        var layout = Neo4jLayout.of(config).databaseLayout(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        try (var fileSystem = new DefaultFileSystemAbstraction()) {
            assertThat(Recovery.isRecoveryRequired(fileSystem, layout, config, EmptyMemoryTracker.INSTANCE))
                    .as("store needs recovery after SIGTERM").isFalse();
        }
    }
}
