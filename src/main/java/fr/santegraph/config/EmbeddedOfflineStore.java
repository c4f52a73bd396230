package fr.santegraph.config;

import fr.santegraph.config.EmbeddedNeo4jConfiguration.EmbeddedNeo4j;
import fr.santegraph.ingest.BulkImport;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.OfflineStore;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.driver.BookmarkManager;
import org.neo4j.driver.Driver;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Profile;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.transaction.Neo4jBookmarkManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine;

/**
 * The embedded store rebuilt by Neo4j's importer ({@code neo4j-admin database import full}, run in this process):
 * only for an import run from the command line, when nothing else reads the database. The importer builds the new
 * database in a folder of its own while the old one still runs; then the old one is stopped, the two swapped, the
 * database started again on the same Bolt port, and its constraints and indexes created again through the driver.
 */
@Component
@Profile("import")
@Conditional(OnEmbeddedNeo4jCondition.class)
class EmbeddedOfflineStore implements OfflineStore {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedOfflineStore.class);
    /** What a database is on disk, under its home: its store and its transaction logs. */
    private static final List<String> DATABASE_FOLDERS = List.of("data/databases/" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME,
            "data/transactions/" + GraphDatabaseSettings.DEFAULT_DATABASE_NAME);

    private record SchemaObject(String name, String createStatement) {
    }

    private final EmbeddedNeo4j embedded;
    private final Neo4jClient neo4j;
    private final Neo4jBookmarkManager bookmarks;
    private final BookmarkManager queryBookmarks;
    private final TransactionTemplate transactions;

    EmbeddedOfflineStore(EmbeddedNeo4j embedded, Neo4jClient neo4j, Neo4jBookmarkManager bookmarks, Driver driver,
                         PlatformTransactionManager transactionManager) {
        this.embedded = embedded;
        this.transactions = new TransactionTemplate(transactionManager);
        this.neo4j = neo4j;
        this.bookmarks = bookmarks;
        this.queryBookmarks = driver.executableQueryBookmarkManager();
    }

    @Override
    public Path workFolder() {
        return embedded.dataDir().resolve("offline-build");
    }

    @Override
    public void replaceDatabase(BulkImport files) throws Exception {
        files.close();
        List<SchemaObject> schema = schema();
        Path home = files.work().resolve("store");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/neo4j.conf"), "");
        long started = System.nanoTime();
        int exit = runImporter(home, files, files.work().resolve("importer.log"));
        if (exit != 0) {
            // The work folder goes with the failed run: its log, with the importer's own account, is kept.
            Path kept = embedded.dataDir().resolve("logs").resolve("offline-import-failed.log");
            Files.createDirectories(kept.getParent());
            Files.copy(files.work().resolve("importer.log"), kept, StandardCopyOption.REPLACE_EXISTING);
            throw new ImportFailedException("Neo4j's importer failed (exit " + exit + "): "
                    + lastLines(files.work().resolve("importer.log")) + "; the database is unchanged (the importer's log: "
                    + kept + ")");
        }
        long imported = System.nanoTime();
        // The importer's own account of its stages, for the log.
        log.info("Neo4j's importer: {}", Files.readAllLines(files.work().resolve("importer.log")).stream()
                .filter(line -> line.contains("COMPLETED in") || line.matches("\\s+\\d+ (nodes|relationships|properties)"))
                .map(String::strip).collect(Collectors.joining("; ")));
        Path previous = files.work().resolve("previous");
        embedded.restart(dataDir -> swap(home, dataDir, previous));
        if (!embedded.service().database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).isAvailable()) {
            embedded.restart(dataDir -> swap(previous, dataDir, home));
            throw new ImportFailedException("the database built by Neo4j's importer did not start; the previous one is back");
        }
        // The bookmarks of the replaced database name transactions the new one never had: waiting for them would fail.
        // Spring Data's (Neo4jClient, transactions) and the driver's own (executable queries).
        bookmarks.updateBookmarks(bookmarks.getBookmarks(), Set.of());
        queryBookmarks.updateBookmarks(queryBookmarks.getBookmarks(), Set.of());
        long restarted = System.nanoTime();
        int created = createSchema(schema);
        log.info("Offline build: importer {} s, swap and restart {} s, {} constraints and indexes created and populated "
                        + "in {} s", seconds(imported - started), seconds(restarted - imported), created,
                seconds(System.nanoTime() - restarted));
        FileSystemUtils.deleteRecursively(previous);
    }

    /** The constraints, then the indexes of their own, of the live database, each with the statement that makes it. */
    private List<SchemaObject> schema() {
        List<SchemaObject> schema = new ArrayList<>(neo4j.query("SHOW CONSTRAINTS YIELD name, createStatement")
                .fetchAs(SchemaObject.class).mappedBy((types, row) -> new SchemaObject(row.get("name").asString(),
                        row.get("createStatement").asString())).all());
        schema.addAll(neo4j.query("""
                SHOW INDEXES YIELD name, owningConstraint, createStatement
                WHERE owningConstraint IS NULL
                RETURN name, createStatement
                """).fetchAs(SchemaObject.class).mappedBy((types, row) -> new SchemaObject(row.get("name").asString(),
                row.get("createStatement").asString())).all());
        return schema;
    }

    /** Creates what the new database lacks of {@code schema} (the importer makes the token lookup indexes itself). */
    private int createSchema(List<SchemaObject> schema) {
        Set<String> present = new HashSet<>(neo4j.query("SHOW CONSTRAINTS YIELD name RETURN name").fetchAs(String.class).all());
        present.addAll(neo4j.query("SHOW INDEXES YIELD name RETURN name").fetchAs(String.class).all());
        List<SchemaObject> missing = schema.stream().filter(object -> !present.contains(object.name())).toList();
        // In one transaction, so that the database may fill them together (measured: no faster than one by one, at 2M).
        transactions.executeWithoutResult(status -> missing.forEach(object -> neo4j.query(object.createStatement()).run()));
        neo4j.query("CALL db.awaitIndexes(3600)").run();
        return missing.size();
    }

    private static int runImporter(Path home, BulkImport files, Path logFile) throws IOException {
        List<String> arguments = new ArrayList<>();
        // The database name first: the file options take every argument after them.
        arguments.add(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        arguments.addAll(files.arguments(Runtime.getRuntime().availableProcessors(), files.work().resolve("import.report")));
        try (PrintStream out = new PrintStream(Files.newOutputStream(logFile), true, StandardCharsets.UTF_8)) {
            out.println("neo4j-admin database import full " + String.join(" ", arguments));
            ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), out, out,
                    new DefaultFileSystemAbstraction());
            return new CommandLine(new ImportCommand.Full(context)).execute(arguments.toArray(String[]::new));
        }
    }

    /** Moves the database folders of {@code from} into {@code to}, those of {@code to} into {@code kept}. */
    private static void swap(Path from, Path to, Path kept) throws IOException {
        for (String folder : DATABASE_FOLDERS) {
            if (!Files.isDirectory(from.resolve(folder))) {
                throw new ImportFailedException("the offline build has no " + folder);
            }
        }
        for (String folder : DATABASE_FOLDERS) {
            Files.createDirectories(kept.resolve(folder).getParent());
            if (Files.exists(to.resolve(folder))) {
                Files.move(to.resolve(folder), kept.resolve(folder), StandardCopyOption.ATOMIC_MOVE);
            }
            Files.createDirectories(to.resolve(folder).getParent());
            Files.move(from.resolve(folder), to.resolve(folder), StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** What the importer's log says went wrong: its deepest cause when it printed one (--verbose), else its end. */
    private static String lastLines(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file).stream().filter(line -> !line.isBlank()).toList();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).startsWith("Caused by: ")) {
                return lines.get(i).substring("Caused by: ".length()).strip();
            }
        }
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 4), lines.size())).strip();
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }
}
