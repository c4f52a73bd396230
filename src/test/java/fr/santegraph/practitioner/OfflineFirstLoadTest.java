package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.SantegraphApplication;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.OfflineStore;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.territory.TerritoryImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import java.util.stream.Stream;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A first load into an empty embedded store, run from the command line, is built by Neo4j's offline importer: the
 * graph it gives must be the one the statements give, node for node, relationship for relationship, property for
 * property with its type, with the same constraints and indexes online. Each side runs in an import context of its
 * own (the profile {@code java -jar santegraph.jar import} runs), over the fixture territories.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfflineFirstLoadTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/practitioners");

    @TempDir
    static Path dir;
    /** The two stores, kept for all tests (a context costs seconds): each test empties their practitioner part. */
    private ConfigurableApplicationContext offlineStore;
    private ConfigurableApplicationContext statementStore;

    @BeforeAll
    void startBothStores() throws Exception {
        offlineStore = start(dir.resolve("offline"));
        statementStore = start(dir.resolve("statements"));
    }

    @AfterAll
    void stopBothStores() {
        offlineStore.close();
        statementStore.close();
    }

    /** An import context (what {@code java -jar santegraph.jar import} starts) over the fixture territories. */
    private static ConfigurableApplicationContext start(Path store) throws Exception {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(SantegraphApplication.class)
                .web(WebApplicationType.NONE).profiles("test", "import")
                .properties("santegraph.embedded.data-dir=" + store, "santegraph.embedded.ephemeral=true",
                        "santegraph.import.practitioners.batch-lines=300")
                .run("import");
        context.getBean(TerritoryImporter.class).importDirectory(FIXTURES.resolve("territories"));
        return context;
    }

    @BeforeEach
    void noPractitionerYet() {
        for (ConfigurableApplicationContext context : List.of(offlineStore, statementStore)) {
            context.getBean(Neo4jClient.class).query("""
                    MATCH (n) WHERE n:Practitioner OR n:Activity OR n:Site OR n:ImportRun OR n:Profession OR n:Specialty
                                 OR n:Diploma OR n:Authorisation
                    DETACH DELETE n
                    """).run();
            context.getBean(PractitionerLists.class).invalidate();
        }
    }

    /** What one load left in its store. */
    record Loaded(ImportSummary summary, List<String> records, Map<String, Long> labels, List<String> schema,
                  Map<String, Object> run) {

        /** A digest of the records, sorted. */
        String checksum() throws Exception {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            records.forEach(line -> digest.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
            return records.size() + " records, sha-256 " + HexFormat.of().formatHex(digest.digest());
        }
    }

    @Test
    void thePublishedExtractionBuiltOfflineIsTheGraphTheStatementsWrite() throws Exception {
        Path published = FIXTURES.resolve("published");
        List<String> options = List.of("file", published.resolve("PS_LibreAcces_Personne_activite_202403150900.txt").toString(),
                "savoir-faire", published.resolve("PS_LibreAcces_SavoirFaire_202403150900.txt").toString(),
                "diplomas", published.resolve("PS_LibreAcces_Dipl_AutExerc_202403150900.txt").toString());
        Loaded offline = load(offlineStore, options);
        Loaded statements = load(statementStore, with(options, "transactional", "true"));

        assertThat(offline.summary().counters()).containsKey("records built offline by Neo4j's importer");
        assertThat(statements.summary().counters()).doesNotContainKey("records built offline by Neo4j's importer");
        assertSameGraph(offline, statements);
        assertThat(offline.labels()).containsEntry("Practitioner", 8L).containsEntry("Diploma", 2L);
    }

    @Test
    void aGraphTheFilesCannotHoldStopsTheBuildBeforeAnythingChanges() throws Exception {
        Neo4jClient neo4j = offlineStore.getBean(Neo4jClient.class);
        neo4j.query("CREATE (:`Odd,Label` {id: 'x'})").run();
        try {
            long territories = neo4j.query("MATCH (t:Territory) RETURN count(t)").fetchAs(Long.class).one().orElseThrow();
            Path published = FIXTURES.resolve("published/PS_LibreAcces_Personne_activite_202403150900.txt");

            assertThatThrownBy(() -> load(offlineStore, List.of("file", published.toString())))
                    .isInstanceOf(ImportFailedException.class).hasMessageContaining("Odd,Label");
            assertThat(neo4j.query("MATCH (t:Territory) RETURN count(t)").fetchAs(Long.class).one()).contains(territories);
            assertThat(neo4j.query("MATCH (n) WHERE n:Practitioner OR n:Site OR n:ImportRun RETURN count(n)")
                    .fetchAs(Long.class).one()).contains(0L);
            assertThat(offlineStore.getBean(OfflineStore.class).workFolder()).doesNotExist();
        } finally {
            neo4j.query("MATCH (n:`Odd,Label`) DELETE n").run();
        }
    }

    /**
     * The bundled catalogue's indicator descriptions are 18 MB of text over many lines, with quotes and commas: the
     * importer's parallel reading of such a file failed where one of its 4 MB chunks ended inside a description
     * ("Weird input data, found CR outside a text cell"), so no first load could be built offline beside it.
     */
    @Test
    void aCatalogueOfManyMultiLineDescriptionsIsBuiltOfflineAsItWas() throws Exception {
        Neo4jClient neo4j = offlineStore.getBean(Neo4jClient.class);
        List<String> descriptions = new ArrayList<>();
        for (int i = 1; i <= 4000; i++) {
            StringBuilder text = new StringBuilder();
            for (int p = 1; p <= 12; p++) {
                text.append("Paragraphe ").append(p).append(" de l'indicateur ").append(i)
                        .append(", « taux », \"brut\", standardisé;\n- source : \"DREES\", \"Cnam\" , ")
                        .append(i * p).append("\r\n\n");
            }
            descriptions.add(text.toString());
        }
        neo4j.query("""
                UNWIND range(1, size($descriptions)) AS i
                CREATE (:Indicator {id: 'indicator:multi-' + i, code: 'multi-' + i, name: 'Indicateur ' + i,
                        description: $descriptions[i - 1], keywords: $keywords})""")
                .bind(descriptions).to("descriptions")
                .bind(List.of("santé\nmentale", "\"guillemets\"", "a,b")).to("keywords").run();
        String digest = """
                MATCH (i:Indicator) WHERE i.code STARTS WITH 'multi-'
                RETURN i.code + '=' + i.description + '|' + reduce(k = '', w IN i.keywords | k + '/' + w) AS line
                ORDER BY line""";
        List<String> before = List.copyOf(neo4j.query(digest).fetchAs(String.class).all());
        try {
            Path published = FIXTURES.resolve("published/PS_LibreAcces_Personne_activite_202403150900.txt");
            ImportSummary summary = load(offlineStore, List.of("file", published.toString())).summary();

            assertThat(summary.counters()).containsKey("records built offline by Neo4j's importer");
            List<String> after = List.copyOf(neo4j.query(digest).fetchAs(String.class).all());
            assertThat(after).hasSize(4000).isEqualTo(before);
            assertThat(String.join("", after).length()).as("characters of text: more than one of the importer's 4 MB chunks")
                    .isGreaterThan(5_000_000);
        } finally {
            neo4j.query("MATCH (i:Indicator) WHERE i.code STARTS WITH 'multi-' DELETE i").run();
        }
    }

    @Test
    void aGeneratedExtractionInManyBatchesBuiltOfflineIsTheGraphTheStatementsWrite() throws Exception {
        Path file = dir.resolve("PS_LibreAcces_Personne_activite_202501010000.txt");
        RppsGenerator.generate(FIXTURES.resolve("territories/communes.json"), file, 2000, 11);
        List<String> options = List.of("file", file.toString());
        Loaded offline = load(offlineStore, options);
        Loaded statements = load(statementStore, with(options, "transactional", "true"));

        assertSameGraph(offline, statements);
        assertThat(offline.labels().get("Practitioner")).isGreaterThan(1000);
        assertThat(offline.labels().get("Site")).isGreaterThan(100);
    }

    private static void assertSameGraph(Loaded offline, Loaded statements) throws Exception {
        assertThat(offline.labels()).isEqualTo(statements.labels());
        assertThat(offline.schema()).isEqualTo(statements.schema()).allMatch(index -> index.endsWith("ONLINE"));
        assertThat(offline.run()).isEqualTo(statements.run());
        // The first records that differ, to read when it fails; then the digests of all.
        Set<String> written = new HashSet<>(statements.records());
        Set<String> built = new HashSet<>(offline.records());
        assertThat(Stream.concat(offline.records().stream().filter(line -> !written.contains(line)).limit(3)
                        .map(line -> "offline only: " + line),
                statements.records().stream().filter(line -> !built.contains(line)).limit(3)
                        .map(line -> "statements only: " + line))).isEmpty();
        assertThat(offline.checksum()).isEqualTo(statements.checksum());
    }

    private static List<String> with(List<String> options, String... more) {
        List<String> all = new ArrayList<>(options);
        all.addAll(List.of(more));
        return all;
    }

    private static Loaded load(ConfigurableApplicationContext context, List<String> options) throws Exception {
        ImportSummary summary = context.getBean(PractitionerImporter.class).run(
                ImportRequest.of("practitioners", options.toArray(String[]::new)));
        Neo4jClient neo4j = context.getBean(Neo4jClient.class);
        return new Loaded(summary, records(neo4j), labels(neo4j), schema(neo4j), run(neo4j));
    }

    /** Node and relationship counts by label and type. */
    private static Map<String, Long> labels(Neo4jClient neo4j) {
        Map<String, Long> counts = new TreeMap<>();
        neo4j.query("MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS n").fetch().all()
                .forEach(row -> counts.put((String) row.get("label"), (Long) row.get("n")));
        neo4j.query("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n").fetch().all()
                .forEach(row -> counts.put("-" + row.get("type"), (Long) row.get("n")));
        return counts;
    }

    private static List<String> schema(Neo4jClient neo4j) {
        return neo4j.query("""
                SHOW INDEXES YIELD name, type, labelsOrTypes, properties, owningConstraint, state
                RETURN name + ' ' + type + ' ' + reduce(text = '', token IN coalesce(labelsOrTypes, []) | text + token + ',')
                       + ' ' + reduce(text = '', property IN coalesce(properties, []) | text + property + ',')
                       + ' ' + coalesce(owningConstraint, '') + ' ' + state AS index ORDER BY index
                """).fetchAs(String.class).all().stream().toList();
    }

    /** The run's record, but for what differs from one run to the next (its id, times and the file's place). */
    private static Map<String, Object> run(Neo4jClient neo4j) {
        Map<String, Object> run = new TreeMap<>(neo4j.query("MATCH (r:ImportRun) RETURN properties(r) AS r").fetch().one()
                .map(row -> (Map<String, Object>) row.get("r")).orElseThrow());
        run.keySet().removeAll(List.of("id", "startedAt", "durationMs", "file", "savoirFaireFile", "diplomaFile"));
        return run;
    }

    /**
     * Every node (labels and typed properties, the run's id replaced by a placeholder) and every
     * relationship (type, properties and its two ends' descriptions) as a line, sorted. Import runs and data versions,
     * which differ by run, are left out (their content is compared apart).
     */
    private static List<String> records(Neo4jClient neo4j) {
        Map<String, String> nodes = new HashMap<>();
        List<String> lines = new ArrayList<>();
        neo4j.query("""
                MATCH (n) WHERE NOT n:ImportRun AND NOT n:DataVersion
                RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
                """).fetchAs(Record.class).mappedBy((types, record) -> record).all().forEach(node -> {
            String description = node.get("labels").asList(Value::asString).stream().sorted().collect(Collectors.joining(":"))
                    + " " + describe(node.get("properties"));
            nodes.put(node.get("id").asString(), description);
            lines.add(description);
        });
        neo4j.query("""
                MATCH (a)-[r]->(b) WHERE NOT a:ImportRun AND NOT b:ImportRun AND NOT a:DataVersion AND NOT b:DataVersion
                RETURN elementId(a) AS a, type(r) AS type, properties(r) AS properties, elementId(b) AS b
                """).fetchAs(Record.class).mappedBy((types, record) -> record).all().forEach(link -> lines.add(
                nodes.get(link.get("a").asString()) + " -[" + link.get("type").asString() + " "
                        + describe(link.get("properties")) + "]-> " + nodes.get(link.get("b").asString())));
        lines.sort(null);
        return lines;
    }

    /** Properties that name a run or its time: the same in both stores only by their presence. */
    private static final Set<String> RUN_PROPERTIES = Set.of("importRun", "importRunId", "computedAt");

    private static String describe(Value properties) {
        Map<String, String> sorted = new TreeMap<>();
        for (String key : properties.keys()) {
            Value value = properties.get(key);
            // The runs that wrote a record (this one, the territories' import) have ids of their own in each store.
            sorted.put(key, RUN_PROPERTIES.contains(key) ? "<run>" : value.type().name() + ":" + value.asObject());
        }
        return sorted.toString();
    }
}
