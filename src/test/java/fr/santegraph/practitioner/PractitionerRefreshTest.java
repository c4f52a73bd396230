package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Rejection;
import fr.santegraph.territory.TerritoryImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;
import org.springframework.beans.factory.annotation.Autowired;

/** Refreshes, placement, scope and bad rows on fixture extractions, over a small COG of their own. */
class PractitionerRefreshTest extends ScratchGraphTest {

    static final Path FIXTURES = Path.of("src/test/resources/fixtures/practitioners");
    static final Path REFRESH_A = FIXTURES.resolve("refresh-a/PS_LibreAcces_Personne_activite_202401150900.txt");
    static final Path REFRESH_B = FIXTURES.resolve("refresh-b/PS_LibreAcces_Personne_activite_202402150900.txt");

    @Autowired
    PractitionerImporter importer;
    @Autowired
    PractitionerWriter writer;
    @Autowired
    Driver driver;
    @Autowired
    TerritoryImporter territories;

    @BeforeEach
    void loadFixtureTerritories() throws Exception {
        territories.importDirectory(FIXTURES.resolve("territories"));
    }

    private ImportSummary importB() throws Exception {
        return importer.run(ImportRequest.of("practitioners", "file", REFRESH_B.toString(),
                "savoir-faire", FIXTURES.resolve("refresh-b/PS_LibreAcces_SavoirFaire_202402150900.txt").toString(),
                "diplomas", FIXTURES.resolve("refresh-b/PS_LibreAcces_Dipl_AutExerc_202402150900.txt").toString(),
                "geocoding", FIXTURES.resolve("refresh-b/geocoding.csv").toString(), "max-retired-share", TINY_FIXTURES));
    }

    /** A → B retires one of four practitioners: far past the 5 % a national file may lose, normal for four. */
    static final String TINY_FIXTURES = "0.25";

    private String one(String cypher) {
        return neo4j.query(cypher).fetchAs(String.class).one().orElse(null);
    }

    @Test
    void aNewerExtractionAddsUpdatesAndRetiresPractitionersWithoutDuplicates() throws Exception {
        ImportSummary first = importer.run(ImportRequest.of("practitioners", "file", REFRESH_A.toString()));
        assertThat(first.counter("practitioners created")).isEqualTo(4);
        assertThat(count("MATCH (a:Activity) RETURN count(a)")).isEqualTo(5);

        ImportSummary refresh = importB();

        assertRefreshedFromAToB(refresh);
        assertThat(one("MATCH (r:ImportRun {created: 4, updated: 1}) RETURN toString(r.sortedById)")).isEqualTo("true");

        ImportSummary again = importB();
        assertThat(again.counter("practitioners created") + again.counter("practitioners updated")
                + again.counter("practitioners retired")).isZero();
        assertThat(again.counter("practitioners unchanged")).isEqualTo(7);
        assertThat(count("MATCH (p:Practitioner) RETURN count(p)")).isEqualTo(8);
        assertThat(count("MATCH (a:Activity) RETURN count(a)")).isEqualTo(10);
        assertThat(count("MATCH (s:Site) RETURN count(s)")).isEqualTo(9);
        assertThat(count("MATCH (p:Practitioner)-[r:HAS_SPECIALTY]->(s) WITH p, s, count(r) AS n WHERE n > 1 RETURN count(*)")).isZero();
        assertThat(count("MATCH (r:ImportRun) RETURN count(r)")).isEqualTo(3);
        assertThat(neo4j.query("MATCH (r:ImportRun) RETURN r.stamp + ':' + r.created + '/' + r.updated + '/' + r.retired "
                + "ORDER BY r.startedAt").fetchAs(String.class).all())
                .containsExactly("202401150900:4/0/0", "202402150900:4/1/1", "202402150900:0/0/0");
    }

    private void assertRefreshedFromAToB(ImportSummary refresh) {
        assertThat(refresh.counter("practitioners created")).isEqualTo(4);   // 5, 6, 7, 8
        assertThat(refresh.counter("practitioners updated")).isEqualTo(1);   // 2 moved from Viriat to Meillonnas
        assertThat(refresh.counter("practitioners unchanged")).isEqualTo(2); // 1 and 3, despite the 56-column header
        assertThat(refresh.counter("practitioners retired")).isEqualTo(1);   // 4
        assertThat(one("MATCH (p:Practitioner {id: '810000000004'}) WHERE NOT p.active RETURN toString(p.retiredOn)"))
                .isEqualTo("2024-02-15");
        assertThat(neo4j.query("MATCH (p:Practitioner) RETURN p.id + ':' + p.active AS x ORDER BY x").fetchAs(String.class).all())
                .containsExactly("810000000001:true", "810000000002:true", "810000000003:true", "810000000004:false",
                        "810000000005:true", "810000000006:true", "810000000007:true", "810000000008:true");
        // Paul's salaried activity at Fleyriat is kept, retired; his new one is active.
        assertThat(neo4j.query("""
                MATCH (:Practitioner {id: '810000000002'})-[:HAS_ACTIVITY]->(a)-[:AT_SITE]->(s)
                RETURN s.name + ':' + a.active AS x ORDER BY x""").fetchAs(String.class).all())
                .containsExactly("CABINET INFIRMIER DU BUGEY:true", "CH DE FLEYRIAT:false", "MAISON DE SANTE DE MEILLONNAS:true");
        assertThat(count("MATCH (a:Activity) RETURN count(a)")).isEqualTo(10);
        assertThat(count("MATCH (a:Activity {active: true}) RETURN count(a)")).isEqualTo(8);
    }

    /** One practitioner per batch and per range statement: every boundary between ranges is crossed. */
    private PractitionerImporter tinyBatches() {
        return tinyBatchesHoldingSites(PractitionerImporter.SITE_FINGERPRINTS_HELD);
    }

    private PractitionerImporter tinyBatchesHoldingSites(int siteFingerprintsHeld) {
        return new PractitionerImporter(writer, neo4j, 1, 1, siteFingerprintsHeld, PractitionerImporter.PRACTITIONERS_HELD);
    }

    @Test
    void aSortedFileIsReconciledRangeByRangeWhateverTheBatchAndPageSizes() throws Exception {
        tinyBatches().run(ImportRequest.of("practitioners", "file", REFRESH_A.toString()));
        assertRefreshedFromAToB(tinyBatches().run(ImportRequest.of("practitioners", "file", REFRESH_B.toString(),
                "max-retired-share", TINY_FIXTURES)));
    }

    @Test
    void practitionersPastTheMemoryBoundAreReadRangeByRangeWithTheSameGraphAsResult() throws Exception {
        // A holds four practitioners: a bound of 3 gives up holding them, so B is reconciled by range reads.
        PractitionerImporter unheld = new PractitionerImporter(writer, neo4j, 1, 1,
                PractitionerImporter.SITE_FINGERPRINTS_HELD, 3);
        unheld.run(ImportRequest.of("practitioners", "file", REFRESH_A.toString()));
        assertRefreshedFromAToB(unheld.run(ImportRequest.of("practitioners", "file", REFRESH_B.toString(),
                "max-retired-share", TINY_FIXTURES)));
        assertThatThrownBy(() -> unheld.run(ImportRequest.of("practitioners", "file",
                FIXTURES.resolve("bad-rows/PS_LibreAcces_Personne_activite_202403010000.txt").toString())))
                .hasMessageStartingWith("refusing to retire 7 of 7 active practitioners");
    }

    /** Identifier, name, fingerprint and territory of every site: what must not depend on how they were read. */
    private List<String> sites() {
        return neo4j.query("""
                MATCH (s:Site) RETURN s.id + ':' + s.name + ':' + s.fingerprint + '@'
                       + coalesce([(s)-[:LOCATED_IN]->(t) | t.id][0], '-') AS x ORDER BY x""")
                .fetchAs(String.class).all().stream().toList();
    }

    private long sitesWrittenByLastRun() {
        return count("""
                MATCH (r:ImportRun) WITH r ORDER BY r.startedAt DESC LIMIT 1
                MATCH (s:Site {importRun: r.id}) RETURN count(s)""");
    }

    private ImportRequest refreshB() {
        return ImportRequest.of("practitioners", "file", REFRESH_B.toString(),
                "geocoding", FIXTURES.resolve("refresh-b/geocoding.csv").toString(), "max-retired-share", TINY_FIXTURES);
    }

    @Test
    void siteFingerprintsPastTheMemoryBoundAreAskedOfTheGraphWithTheSameGraphAsResult() throws Exception {
        importer.run(ImportRequest.of("practitioners", "file", REFRESH_A.toString()));
        long sitesOfA = count("MATCH (s:Site) RETURN count(s)");
        importer.run(refreshB());
        List<String> expected = sites();
        assertThat(expected).hasSize(9);

        // 0: never held; sitesOfA: held when the refresh starts, given up when B's new sites go past it.
        for (int held : new int[] {0, (int) sitesOfA}) {
            neo4j.query("MATCH (n) WHERE n:Practitioner OR n:Activity OR n:Site OR n:ImportRun DETACH DELETE n").run();
            tinyBatchesHoldingSites(held).run(ImportRequest.of("practitioners", "file", REFRESH_A.toString()));
            assertThat(count("MATCH (s:Site) RETURN count(s)")).isEqualTo(sitesOfA);
            assertRefreshedFromAToB(tinyBatchesHoldingSites(held).run(refreshB()));
            assertThat(sites()).as("sites with %d fingerprints held", held).isEqualTo(expected);

            tinyBatchesHoldingSites(held).run(refreshB());
            assertThat(sitesWrittenByLastRun()).as("sites rewritten by the same file again").isZero();
            assertThat(sites()).isEqualTo(expected);
        }
    }

    @Test
    void aRefreshRewritesOnlyTheSitesWhosePublishedFieldsOrPlacementChanged() throws Exception {
        importer.run(ImportRequest.of("practitioners", "file", REFRESH_A.toString()));
        importer.run(refreshB());
        assertThat(sitesWrittenByLastRun()).isPositive().isLessThan(count("MATCH (s:Site) RETURN count(s)"));
        importer.run(refreshB());
        assertThat(sitesWrittenByLastRun()).isZero();
    }

    @Test
    void aFileNotSortedByIdentifierIsRefreshedAlikeThroughRunStamps(@TempDir Path dir) throws Exception {
        tinyBatches().run(ImportRequest.of("practitioners", "file", REFRESH_A.toString()));
        // Practitioner 2's two lines far apart: with one line per batch, the second one adds to what the first wrote.
        List<String> lines = Files.readAllLines(REFRESH_B);
        List<String> shuffled = new ArrayList<>(List.of(lines.get(0), lines.get(8), lines.get(2), lines.get(7),
                lines.get(5), lines.get(1), lines.get(6), lines.get(4), lines.get(3)));
        assertThat(shuffled).hasSameSizeAs(lines);
        Path unsorted = dir.resolve(REFRESH_B.getFileName());
        Files.write(unsorted, shuffled);

        assertRefreshedFromAToB(tinyBatches().run(ImportRequest.of("practitioners", "file", unsorted.toString(),
                "max-retired-share", TINY_FIXTURES)));
        assertThat(one("MATCH (r:ImportRun {created: 4, updated: 1}) RETURN toString(r.sortedById)")).isEqualTo("false");
    }

    @Test
    void theRangeReadSeeksTheIdentifierIndexInItsOrderWithoutSorting() {
        for (String statement : List.of(PractitionerWriter.HELD_BETWEEN, PractitionerWriter.HELD_AFTER,
                PractitionerWriter.SITES_AFTER)) {
            try (Session session = driver.session()) {
                Plan plan = session.run("EXPLAIN " + statement, Map.of("after", "8", "upTo", "9", "limit", 10))
                        .consume().plan();
                assertThat(operators(plan)).as(statement).anyMatch(name -> name.startsWith("NodeUniqueIndexSeekByRange"))
                        .noneMatch(name -> name.contains("Sort") || name.contains("Scan"));
            }
        }
    }

    private static List<String> operators(Plan plan) {
        List<String> names = new ArrayList<>(List.of(plan.operatorType()));
        plan.children().forEach(child -> names.addAll(operators(child)));
        return names;
    }

    @Test
    void sitesArePlacedByGeocodingOrCommuneCentroidElseMarkedWithTheirReason() throws Exception {
        importB();
        Map<String, String> placement = neo4j.query("""
                MATCH (s:Site) RETURN s.name AS name,
                       coalesce(s.locationSource, s.unplacedReason) + '@' + coalesce([(s)-[:LOCATED_IN]->(t) | t.id][0], '-') AS how
                """).fetch().all().stream().collect(java.util.stream.Collectors.toMap(
                row -> (String) row.get("name"), row -> (String) row.get("how")));
        assertThat(placement).containsEntry("CABINET DU CHAMP DE MARS", "COMMUNE_CENTROID@commune:01053")
                .containsEntry("CENTRE DE SANTE DE BROU", "GEOCODED@commune:01053")
                .containsEntry("CABINET DE TREVOUX", "NO_COMMUNE_CODE@department:01")
                .containsEntry("CABINET DE MASSIEUX", "NOT_FOUND@commune:01238")
                .containsEntry("CABINET SANS ADRESSE", "NO_ADDRESS@-");
        assertThat(one("MATCH (s:Site {name: 'CENTRE DE SANTE DE BROU'}) RETURN toString(s.location.y)")).isEqualTo("46.1984");
    }

    @Test
    void savoirFaireAndDiplomaFilesLinkKnownPractitionersAndReportBadLines() throws Exception {
        ImportSummary summary = importB();
        assertThat(neo4j.query("MATCH (:Practitioner {id: '810000000001'})-[:HAS_SPECIALTY]->(s) RETURN s.code ORDER BY s.code")
                .fetchAs(String.class).all()).containsExactly("CAPA05", "SM54");
        assertThat(one("MATCH (:Practitioner {id: '810000000001'})-[:HOLDS_DIPLOMA]->(d) RETURN d.name"))
                .isEqualTo("Diplôme d'Etat de docteur en médecine");
        assertThat(one("MATCH (:Practitioner {id: '810000000008'})-[:HOLDS_AUTHORISATION]->(a) RETURN a.discipline"))
                .isEqualTo("Médecine générale");
        assertThat(summary.rejections()).extracting(Rejection::file, Rejection::line).containsExactlyInAnyOrder(
                tuple("PS_LibreAcces_SavoirFaire_202402150900.txt", 5L),
                tuple("PS_LibreAcces_Dipl_AutExerc_202402150900.txt", 5L));
        assertThat(count("MATCH (p:Practitioner {id: '810000000099'}) RETURN count(p)")).isZero();
    }

    @Test
    void badRowsAreReportedWithFileLineAndReasonWhileEveryGoodRowLoads() throws Exception {
        Path file = FIXTURES.resolve("bad-rows/PS_LibreAcces_Personne_activite_202403010000.txt");
        ImportSummary summary = importer.run(ImportRequest.of("practitioners", "file", file.toString()));

        String name = file.getFileName().toString();
        assertThat(summary.rejections()).extracting(Rejection::file, Rejection::line, r -> r.reason().split(" ")[0])
                .containsExactly(tuple(name, 3L, "expected"), tuple(name, 4L, "missing"), tuple(name, 5L, "unknown"),
                        tuple(name, 8L, "unknown"), tuple(name, 9L, "unknown"));
        assertThat(summary.read()).isEqualTo(8);
        assertThat(summary.rejected()).isEqualTo(5);
        // Line 6's site label holds a quote: data, since the extraction has no quoting.
        assertThat(neo4j.query("MATCH (p:Practitioner) RETURN p.id ORDER BY p.id").fetchAs(String.class).all())
                .containsExactly("810000000011", "810000000015", "810000000016");
        assertThat(one("MATCH (s:Site {id: 'C01000001500015'}) RETURN s.name")).isEqualTo("CABINET \"DU");
        assertThat(one("MATCH (r:ImportRun) RETURN toString(r.rejected) + '/' + toString(r.read)")).isEqualTo("5/8");
        // Identified on their rejected lines: still published, so never retired for them.
        assertThat(summary.counter("practitioners kept despite rejected lines")).isEqualTo(4);
    }

    @Test
    void aDepartmentScopeImportsOnlyThoseSitesAndRetiresOnlyThere() throws Exception {
        importB();
        ImportSummary scoped = importer.run(ImportRequest.of("practitioners", "file", REFRESH_A.toString(),
                "departments", "25,01", "allow-mass-retirement", "true"));
        // Practitioner 3 has no site: out of any scope, so neither read into the graph nor retired.
        assertThat(scoped.counter("lines outside the départements")).isEqualTo(1);
        assertThat(one("MATCH (p:Practitioner {id: '810000000003'}) RETURN toString(p.active)")).isEqualTo("true");
        assertThat(one("MATCH (p:Practitioner {id: '810000000008'}) RETURN toString(p.active)")).isEqualTo("false");
    }

    @Test
    void aFileThatIsNotUtf8OrNotTheExtractionFailsNamingTheFile(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("PS_LibreAcces_Personne_activite_202405010000.txt");
        Files.write(latin1, Files.readString(REFRESH_A).getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> importer.run(ImportRequest.of("practitioners", "file", latin1.toString())))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("PS_LibreAcces_Personne_activite_202405010000.txt").hasMessageContaining("UTF-8");

        Path other = dir.resolve("other.txt");
        Files.write(other, List.of("a|b|c|", "1|2|3|"));
        assertThatThrownBy(() -> importer.run(ImportRequest.of("practitioners", "file", other.toString())))
                .isInstanceOf(ImportFailedException.class).hasMessageContaining("other.txt").hasMessageContaining("header");
        assertThat(count("MATCH (p:Practitioner) RETURN count(p)")).isZero();
    }
}
