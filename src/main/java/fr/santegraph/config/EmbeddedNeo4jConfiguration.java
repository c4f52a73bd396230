package fr.santegraph.config;

import fr.santegraph.common.GraphVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.neo4j.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.lang.Nullable;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * The embedded default: an in-process Neo4j community database with its Bolt connector on 127.0.0.1.
 * The application reaches it through the ordinary driver, exactly as it would reach a remote server, so
 * the code path is the same whether {@code spring.neo4j.uri} points elsewhere or not. Bolt asks for a password,
 * drawn afresh at every start and handed only to this process's driver.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(OnEmbeddedNeo4jCondition.class)
public class EmbeddedNeo4jConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jConfiguration.class);

    @Bean
    EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties) {
        return EmbeddedNeo4j.start(properties);
    }

    /** The embedded database's last closed transaction: moves with every commit, read without a query. */
    @Bean
    GraphVersion embeddedGraphVersion(EmbeddedNeo4j embeddedNeo4j) {
        return embeddedNeo4j::lastClosedTransaction;
    }

    /**
     * One instance for the client and the transaction manager (Spring Data Neo4j takes a bean of this type when
     * there is one): what {@link EmbeddedOfflineStore} clears after it replaced the database.
     */
    @Bean
    Neo4jBookmarkManager neo4jBookmarkManager() {
        return Neo4jBookmarkManager.create();
    }

    @Bean
    Neo4jConnectionDetails embeddedNeo4jConnectionDetails(EmbeddedNeo4j embeddedNeo4j) {
        URI uri = embeddedNeo4j.boltUri();
        return new Neo4jConnectionDetails() {
            @Override
            public URI getUri() {
                return uri;
            }

            @Override
            public AuthToken getAuthToken() {
                return embeddedNeo4j.authToken();
            }
        };
    }

    /**
     * The running database. Destroyed with the context, after the driver that depends on it: Spring's shutdown
     * hook runs on Ctrl-C and SIGTERM, so the store is always closed cleanly.
     */
    public static final class EmbeddedNeo4j implements DisposableBean {

        static final String USER = "neo4j";

        /** Replaced only by {@link #restart}, while nothing else uses the database (an offline first load). */
        private volatile DatabaseManagementService service;
        private final EmbeddedNeo4jProperties properties;
        /** Bolt's password, drawn at each start and known only to this process's driver. */
        private final String password;

        private EmbeddedNeo4j(DatabaseManagementService service, EmbeddedNeo4jProperties properties, String password) {
            this.service = service;
            this.properties = properties;
            this.password = password;
        }

        public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties) {
            long started = System.nanoTime();
            Path dataDir = properties.dataDir().toAbsolutePath();
            requireWritable(dataDir);
            DatabaseManagementService service = build(properties, properties.boltPort());
            String password = StringUtils.hasText(properties.boltPassword()) ? properties.boltPassword() : newPassword();
            try {
                var system = service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
                // A configured password may already be the current one, which Neo4j refuses to set again: pass
                // through a drawn one first.
                for (String next : StringUtils.hasText(properties.boltPassword()) ? List.of(newPassword(), password) : List.of(password)) {
                    system.executeTransactionally("ALTER USER " + USER + " SET PASSWORD $password CHANGE NOT REQUIRED",
                            Map.of("password", next));
                }
            } catch (RuntimeException e) {
                service.shutdown();
                throw startFailure("The embedded database at " + dataDir + " did not accept a new Bolt password: "
                        + e.getMessage(), e);
            }
            log.info("Embedded Neo4j started in {} ms, store at {}", (System.nanoTime() - started) / 1_000_000, dataDir);
            return new EmbeddedNeo4j(service, properties, password);
        }

        /**
         * Stops the database, runs {@code whileStopped} on its closed store folder ({@link #dataDir()}), and starts it
         * again on the same Bolt port with the same password (kept in the system database), so the driver's next
         * connections reach it as before. The database is started again whether {@code whileStopped} succeeds or not.
         */
        public synchronized void restart(StoppedWork whileStopped) throws Exception {
            int port = boltUri().getPort();
            long started = System.nanoTime();
            service.shutdown();
            try {
                whileStopped.run(dataDir());
            } finally {
                service = build(properties, port);
                log.info("Embedded Neo4j restarted in {} ms", (System.nanoTime() - started) / 1_000_000);
            }
        }

        /** Work on the store folder while the database is stopped. */
        @FunctionalInterface
        public interface StoppedWork {
            void run(Path dataDir) throws Exception;
        }

        /** The store folder: the database's home. */
        public Path dataDir() {
            return properties.dataDir().toAbsolutePath();
        }

        private static DatabaseManagementService build(EmbeddedNeo4jProperties properties, int boltPort) {
            Path dataDir = properties.dataDir().toAbsolutePath();
            var builder = new DatabaseManagementServiceBuilder(dataDir)
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Bolt listens on a port any local process can reach: without a password it would read and write
                    // the graph past every role and mask. In-process calls (schema, bulk import) need none.
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.preallocate_logical_logs, properties.preallocateLogs())
                    .setConfig(GraphDatabaseSettings.transaction_timeout, properties.transactionTimeout())
                    // Bolt's Netty waits for 2 s of quiet on shutdown by default; nothing is in flight by then.
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period, 0)
                    .setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_timeout, Duration.ofSeconds(5));
            if (StringUtils.hasText(properties.pageCache())) {
                builder.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCache()));
            }
            try {
                return builder.build();
            } catch (RuntimeException e) {
                if (causedByLock(e)) {
                    throw startFailure("The embedded database at " + dataDir + " is already open in another process "
                            + "(another santegraph, or an import, holds its lock): stop it, or give this one another "
                            + "santegraph.embedded.data-dir", e);
                }
                throw e;
            }
        }

        private static String newPassword() {
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        }

        /** Logged at once, so that the first ERROR line of a failed start names its cause. */
        private static IllegalStateException startFailure(String message, @Nullable Throwable cause) {
            log.error(message);
            return new IllegalStateException(message, cause);
        }

        private static boolean causedByLock(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause.getClass().getSimpleName().equals("FileLockException")
                        || cause instanceof OverlappingFileLockException) {
                    return true;
                }
            }
            return false;
        }

        /** The store folder, or the nearest folder above it that exists, must be a folder this process can write. */
        private static void requireWritable(Path dataDir) {
            Path existing = dataDir;
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            if (existing == null || !Files.isDirectory(existing) || !Files.isWritable(existing)) {
                throw startFailure("The embedded database at " + dataDir + " cannot be written: " + existing
                        + (existing != null && !Files.isDirectory(existing) ? " is not a folder"
                        : " is read-only for this process") + "; set santegraph.embedded.data-dir to a writable folder", null);
            }
        }

        /** What a driver presents to this database's Bolt connector. */
        public AuthToken authToken() {
            return AuthTokens.basic(USER, password);
        }

        public DatabaseManagementService service() {
            return service;
        }

        /** The id of the last transaction whose changes readers see; empty while the database is not available. */
        OptionalLong lastClosedTransaction() {
            var db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            if (!db.isAvailable()) {
                return OptionalLong.empty();
            }
            return OptionalLong.of(db.getDependencyResolver().resolveDependency(TransactionIdStore.class)
                    .getLastClosedTransactionId());
        }

        public URI boltUri() {
            var db = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            var bolt = db.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                    .getLocalAddress(ConnectorType.BOLT);
            return URI.create("bolt://127.0.0.1:" + bolt.getPort());
        }

        @Override
        public void destroy() throws IOException {
            long started = System.nanoTime();
            service.shutdown();
            log.info("Embedded Neo4j stopped in {} ms", (System.nanoTime() - started) / 1_000_000);
            if (properties.ephemeral()) {
                FileSystemUtils.deleteRecursively(properties.dataDir().toAbsolutePath());
            }
        }
    }
}
