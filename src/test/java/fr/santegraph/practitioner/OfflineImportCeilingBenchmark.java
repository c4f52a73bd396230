package fr.santegraph.practitioner;

import fr.santegraph.BundledData;
import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import fr.santegraph.config.Neo4jSchemaInitializer;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.RetirementLimit;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.neo4j.cli.ExecutionContext;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Point;
import org.neo4j.importer.ImportCommand;
import org.neo4j.io.ByteUnit;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.util.FileSystemUtils;
import picocli.CommandLine;

/**
 * How fast Neo4j's own offline importer ({@code neo4j-admin database import full}, run in this JVM) builds the graph
 * a first RPPS load produces, on this machine: the fastest way there is to write a Neo4j store, hence the ceiling of
 * any first load, transactional or not. The benchmark imports a generated extraction the ordinary way (Bolt, timed),
 * exports the practitioner part of the graph (practitioners, activities, sites, professions, specialties, the
 * territories sites are located in, their relationships; every property with its type) to the importer's CSV
 * format, builds a new store from it with the importer, then creates the practitioner schema on that store and waits
 * for its indexes — the two steps a first load through the offline importer cannot skip. Reading and mapping the RPPS
 * file itself is not counted, so the figure is an upper bound.
 * <p>
 * Not a unit test (excluded from surefire by name); run with
 * {@code mvn -B test -Dtest=OfflineImportCeilingBenchmark -Dsurefire.excludes=none [-Dbench.lines=2000000]}.
 */
@IntegrationTest
class OfflineImportCeilingBenchmark {

    /** Exported node labels with the property each is keyed on (the importer's ID space is the label). */
    private static final Map<String, String> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("Territory", "id");
        KEYS.put("Profession", "code");
        KEYS.put("Specialty", "code");
        KEYS.put("Practitioner", "id");
        KEYS.put("Site", "id");
        KEYS.put("Activity", "id");
    }

    private record Link(String type, String from, String to) {
    }

    private static final List<Link> LINKS = List.of(new Link("HAS_ACTIVITY", "Practitioner", "Activity"),
            new Link("AT_SITE", "Activity", "Site"), new Link("HAS_PROFESSION", "Practitioner", "Profession"),
            new Link("HAS_SPECIALTY", "Practitioner", "Specialty"), new Link("LOCATED_IN", "Site", "Territory"));

    @Autowired
    RealGraph realGraph;
    @Autowired
    PractitionerImporter importer;
    @Autowired
    Driver driver;

    @Test
    void printOfflineImportCeiling() throws Exception {
        realGraph.territories();
        long lines = Long.getLong("bench.lines", 200_000);
        Path work = Path.of("target/offline-ceiling").toAbsolutePath();
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work.resolve("csv"));
        Path file = Path.of("target/rpps-bench/PS_LibreAcces_Personne_activite_" + lines + ".txt");
        if (!Files.exists(file)) {
            RppsGenerator.generate(BundledData.territories().resolve("communes.json.gz"), file, lines, 42);
        }
        try (Session session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE n:Practitioner OR n:Activity OR n:Site OR n:ImportRun
                    CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS
                    """).consume();
        }
        long start = System.nanoTime();
        ImportSummary summary = importer.importFiles(new PractitionerImporter.Options(file, null, null, null, null, "20250401", RetirementLimit.DEFAULT));
        double transactional = seconds(start);

        start = System.nanoTime();
        // The database name first: the file options take every argument after them.
        List<String> arguments = new ArrayList<>(List.of("neo4j", "--overwrite-destination", "--threads="
                + Runtime.getRuntime().availableProcessors(), "--report-file=" + work.resolve("import.report")));
        long records = 0;
        for (Map.Entry<String, String> label : KEYS.entrySet()) {
            Path csv = work.resolve("csv").resolve(label.getKey() + ".csv");
            records += exportNodes(label.getKey(), label.getValue(), csv);
            arguments.add("--nodes=" + csv);
        }
        for (Link link : LINKS) {
            Path csv = work.resolve("csv").resolve(link.type() + ".csv");
            records += exportLinks(link, csv);
            arguments.add("--relationships=" + csv);
        }
        double exported = seconds(start);

        Path home = work.resolve("store");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/neo4j.conf"), "");
        Path log = work.resolve("import.log");
        start = System.nanoTime();
        int exit;
        try (PrintStream out = new PrintStream(Files.newOutputStream(log), true, StandardCharsets.UTF_8)) {
            ExecutionContext context = new ExecutionContext(home, home.resolve("conf"), out, out,
                    new DefaultFileSystemAbstraction());
            exit = new CommandLine(new ImportCommand.Full(context)).execute(arguments.toArray(String[]::new));
        }
        double offline = seconds(start);
        if (exit != 0) {
            throw new IllegalStateException("neo4j-admin import failed, see " + log);
        }
        // The importer's own account: time per stage, then what it imported.
        String stages = Files.readAllLines(log).stream().filter(line -> line.contains("COMPLETED in")
                || line.matches("\\s+\\d+ (nodes|relationships|properties)")).map(String::strip)
                .collect(Collectors.joining("; "));

        start = System.nanoTime();
        DatabaseManagementService store = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(256)).build();
        double schema;
        try {
            var db = store.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
            double opened = seconds(start);
            start = System.nanoTime();
            Neo4jSchemaInitializer.loadStatements().forEach(db::executeTransactionally);
            db.executeTransactionally("CALL db.awaitIndexes(3600)");
            schema = seconds(start);
            System.out.printf("offline store opened in %.1f s%n", opened);
        } finally {
            store.shutdown();
        }
        System.out.printf("""

                === Offline import ceiling: %,d RPPS lines, %d cores ===
                transactional import (Bolt, the importer)   %7.1f s  %,8d rows/s  (%,d read, %,d rejected)
                export to the importer's CSV (not counted)   %7.1f s  (%,d records)
                neo4j-admin import full, in-process           %7.1f s  %,8d rows/s
                  %s
                schema and index population on that store     %7.1f s
                offline import + indexes                      %7.1f s  %,8d rows/s   (%.1f× the transactional import)
                %n""", lines, Runtime.getRuntime().availableProcessors(), transactional, Math.round(summary.read() / transactional),
                summary.read(), summary.rejected(), exported, records, offline, Math.round(lines / offline), stages, schema,
                offline + schema, Math.round(lines / (offline + schema)), transactional / (offline + schema));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** The importer's type of each property of the nodes carrying {@code label}, from the database's own schema view. */
    private Map<String, String> propertyTypes(String label) {
        Map<String, String> types = new LinkedHashMap<>();
        try (Session session = driver.session()) {
            session.run("""
                    CALL db.schema.nodeTypeProperties() YIELD nodeLabels, propertyName, propertyTypes
                    WHERE $label IN nodeLabels AND propertyName IS NOT NULL
                    RETURN DISTINCT propertyName, propertyTypes ORDER BY propertyName
                    """, Map.of("label", label)).forEachRemaining(row -> {
                List<String> found = row.get("propertyTypes").asList(Value::asString);
                if (found.size() != 1) {
                    throw new IllegalStateException(label + "." + row.get("propertyName").asString() + " has types " + found);
                }
                types.merge(row.get("propertyName").asString(), importerType(found.get(0)), (a, b) -> {
                    if (!a.equals(b)) {
                        throw new IllegalStateException(label + " property typed " + a + " and " + b);
                    }
                    return a;
                });
            });
        }
        return types;
    }

    private static String importerType(String schemaType) {
        return switch (schemaType) {
            case "String" -> "string";
            case "Long" -> "long";
            case "Double" -> "double";
            case "Boolean" -> "boolean";
            case "Date" -> "date";
            case "DateTime" -> "datetime";
            case "Point" -> "point{crs:WGS-84}";
            case "StringArray" -> "string[]";
            default -> throw new IllegalStateException("no importer type for " + schemaType);
        };
    }

    private long exportNodes(String label, String key, Path csv) throws IOException {
        Map<String, String> types = propertyTypes(label);
        types.remove(key);
        List<String> properties = List.copyOf(types.keySet());
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
             Session session = driver.session()) {
            StringBuilder header = new StringBuilder(key).append(":ID(").append(label).append(")");
            properties.forEach(property -> header.append(',').append(property).append(':').append(types.get(property)));
            out.write(header.append(",:LABEL\n").toString());
            // Territories other than communes and arrondissements hold no site: exported all the same (few).
            Result result = session.run("MATCH (n:$($label)) RETURN n", Map.of("label", label));
            StringBuilder line = new StringBuilder();
            while (result.hasNext()) {
                var node = result.next().get("n").asNode();
                line.setLength(0);
                appendValue(line, node.get(key));
                for (String property : properties) {
                    line.append(',');
                    appendValue(line, node.get(property));
                }
                line.append(',');
                appendQuoted(line, String.join(";", node.labels()));
                out.write(line.append('\n').toString());
                written++;
            }
        }
        return written;
    }

    private long exportLinks(Link link, Path csv) throws IOException {
        long written = 0;
        try (BufferedWriter out = Files.newBufferedWriter(csv, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
             Session session = driver.session()) {
            out.write(":START_ID(%s),:END_ID(%s),:TYPE\n".formatted(link.from(), link.to()));
            Result result = session.run("""
                    MATCH (a:$($from))-[r:$($type)]->(b:$($to))
                    RETURN a[$fromKey] AS start, b[$toKey] AS end, size(keys(r)) AS properties
                    """, Map.of("from", link.from(), "type", link.type(), "to", link.to(), "fromKey", KEYS.get(link.from()),
                    "toKey", KEYS.get(link.to())));
            StringBuilder line = new StringBuilder();
            while (result.hasNext()) {
                Record row = result.next();
                if (row.get("properties").asInt() != 0) {
                    throw new IllegalStateException(link.type() + " has properties: export them before trusting this figure");
                }
                line.setLength(0);
                appendQuoted(line, row.get("start").asString());
                line.append(',');
                appendQuoted(line, row.get("end").asString());
                out.write(line.append(',').append(link.type()).append('\n').toString());
                written++;
            }
        }
        return written;
    }

    private static void appendValue(StringBuilder line, Value value) {
        if (value.isNull()) {
            return;
        }
        switch (value.type().name()) {
            case "STRING" -> appendQuoted(line, value.asString());
            case "POINT" -> {
                Point point = value.asPoint();
                line.append("\"{latitude:").append(point.y()).append(",longitude:").append(point.x()).append("}\"");
            }
            case "LIST OF ANY?" -> appendQuoted(line, String.join(";", value.asList(Value::asString)));
            default -> line.append(value.asObject());
        }
    }

    private static void appendQuoted(StringBuilder line, String text) {
        if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            throw new IllegalStateException("a value spans lines; the import would need --multiline-fields: " + text);
        }
        line.append('"').append(text.replace("\"", "\"\"")).append('"');
    }
}
