package fr.santegraph.config;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the in-process Neo4j started when no {@code spring.neo4j.uri} is configured.
 *
 * @param dataDir             store location ({@code ./data/neo4j} by default)
 * @param boltPort            Bolt port on 127.0.0.1; 0 picks a free one (set 7687 to attach Neo4j tools)
 * @param pageCache           page cache size, e.g. {@code 512m}; empty lets Neo4j choose
 * @param preallocateLogs     preallocate transaction logs (faster writes, 2 × 256 MiB on disk)
 * @param transactionTimeout  server-side cap on any transaction (0: none)
 * @param ephemeral           delete the store on shutdown (tests and throw-away demos)
 * @param boltPassword        the password Bolt asks for (user {@code neo4j}, at least 8 characters), to attach Neo4j
 *                            tools; empty draws a new one at every start, known only to this process
 */
@ConfigurationProperties("santegraph.embedded")
public record EmbeddedNeo4jProperties(
        @DefaultValue("data/neo4j") Path dataDir,
        @DefaultValue("0") int boltPort,
        @DefaultValue("") String pageCache,
        @DefaultValue("true") boolean preallocateLogs,
        @DefaultValue("0s") Duration transactionTimeout,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("") String boltPassword) {
}
