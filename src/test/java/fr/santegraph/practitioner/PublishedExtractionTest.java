package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.common.PageRequest;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.support.GraphChecksum;
import fr.santegraph.territory.TerritoryImporter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The extraction as the ANS publishes it, and what goes wrong with real downloads: one zip of three files, CRLF lines,
 * quotes and semicolons as data, a gzipped copy, another archive format, a header-only or truncated file.
 */
class PublishedExtractionTest extends ScratchGraphTest {

    static final Path PUBLISHED = PractitionerRefreshTest.FIXTURES.resolve("published");
    static final String STAMP = "202403150900";
    static final Path ACTIVITIES = PUBLISHED.resolve("PS_LibreAcces_Personne_activite_" + STAMP + ".txt");

    @Autowired
    PractitionerImporter importer;
    @Autowired
    TerritoryImporter territories;
    @Autowired
    PractitionerService practitioners;
    @Autowired
    HttpGraphQlTester graphQl;
    @TempDir
    Path dir;

    @BeforeEach
    void loadFixtureTerritories() throws Exception {
        territories.importDirectory(PractitionerRefreshTest.FIXTURES.resolve("territories"));
    }

    /** A zip as the ANS serves it: {@code PS_LibreAcces_<stamp>.zip} holding the three files of one extraction. */
    private Path ansZip() throws IOException {
        Path zip = dir.resolve("PS_LibreAcces_" + STAMP + ".zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String kind : List.of("Personne_activite", "Dipl_AutExerc", "SavoirFaire")) {
                String name = "PS_LibreAcces_" + kind + "_" + STAMP + ".txt";
                out.putNextEntry(new ZipEntry(name));
                out.write(Files.readAllBytes(PUBLISHED.resolve(name)));
            }
        }
        return zip;
    }

    private ImportSummary importFile(Path file, String... options) throws Exception {
        String[] keyValues = new String[options.length + 2];
        keyValues[0] = "file";
        keyValues[1] = file.toString();
        System.arraycopy(options, 0, keyValues, 2, options.length);
        return importer.run(ImportRequest.of("practitioners", keyValues));
    }

    private GraphChecksum checksum() {
        return GraphChecksum.of(cypher -> List.copyOf(neo4j.query(cypher).fetchAs(String.class).all()));
    }

    private String one(String cypher) {
        return neo4j.query(cypher).fetchAs(String.class).one().orElse(null);
    }

    @Test
    void theAnsZipIsReadInPlaceAllThreeFilesOfIt() throws Exception {
        ImportSummary summary = importFile(ansZip());

        assertThat(summary.counter("practitioners created")).isEqualTo(8);
        assertThat(summary.counter("activity lines loaded")).isEqualTo(9);
        // Three good savoir-faire lines, one of a practitioner the extraction does not list (skipped).
        assertThat(summary.counter("savoir-faire links")).isEqualTo(2);
        assertThat(summary.counter("diploma and authorisation links")).isEqualTo(3);
        // One bad line in each companion file, none in the activity file despite its quotes and semicolons.
        assertThat(summary.rejected()).isEqualTo(2);
        assertThat(summary.rejections()).extracting(r -> r.file()).containsExactlyInAnyOrder(
                "PS_LibreAcces_" + STAMP + ".zip!PS_LibreAcces_SavoirFaire_" + STAMP + ".txt",
                "PS_LibreAcces_" + STAMP + ".zip!PS_LibreAcces_Dipl_AutExerc_" + STAMP + ".txt");
        assertThat(one("MATCH (r:ImportRun) RETURN r.stamp")).isEqualTo(STAMP);
        assertThat(count("MATCH (:Practitioner)-[:HAS_SPECIALTY]->() RETURN count(*)")).isEqualTo(4);
    }

    @Test
    void aQuoteInANameOrASiteLabelAndASemicolonAreData() throws Exception {
        ImportSummary summary = importFile(ACTIVITIES);

        assertThat(summary.rejected()).isZero();
        assertThat(one("MATCH (p:Practitioner {id: '810000000009'}) RETURN p.lastName")).isEqualTo("D\"ARTAGNAN");
        assertThat(one("MATCH (:Practitioner {id: '810000000009'})-[:HAS_ACTIVITY]->()-[:AT_SITE]->(s) RETURN s.name"))
                .isEqualTo("RESIDENCE \"LES PINS\"; BAT. A");
    }

    @Test
    void aGzippedExtractionIsReadAsIt() throws Exception {
        Path gz = dir.resolve(ACTIVITIES.getFileName() + ".gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(Files.readAllBytes(ACTIVITIES));
        }
        ImportSummary summary = importFile(gz);
        assertThat(summary.counter("practitioners created")).isEqualTo(8);
        assertThat(one("MATCH (r:ImportRun) RETURN r.stamp")).isEqualTo(STAMP);
    }

    @Test
    void aHeaderOnlyFileIsRefusedNamingTheFigureAndChangesNothing() throws Exception {
        importFile(ACTIVITIES);
        GraphChecksum before = checksum();
        Path headerOnly = dir.resolve("PS_LibreAcces_Personne_activite_202403160900.txt");
        Files.writeString(headerOnly, Files.readAllLines(ACTIVITIES).get(0) + "\r\n");

        assertThatThrownBy(() -> importFile(headerOnly)).isInstanceOf(ImportFailedException.class)
                .hasMessageStartingWith("refusing to retire 8 of 8 active practitioners (100.0 %, above the limit of 5.0 %)");
        assertThat(checksum()).isEqualTo(before);
        assertThat(count("MATCH (r:ImportRun) RETURN count(r)")).isEqualTo(1);
    }

    /** The published file cut {@code extra} characters into its line {@code line} (1-based, the header is line 1). */
    private Path cutInLine(int line, int extra) throws IOException {
        Path truncated = dir.resolve("PS_LibreAcces_Personne_activite_202403160900.txt");
        byte[] whole = Files.readAllBytes(ACTIVITIES);
        int cut = 0;
        for (int ends = 0; ends < line - 1; cut++) {
            if (whole[cut] == '\n') {
                ends++;
            }
        }
        Files.write(truncated, Arrays.copyOf(whole, cut + extra));
        return truncated;
    }

    @Test
    void aTruncatedDownloadIsRefusedAndTheFlagLetsARealShrinkThrough() throws Exception {
        importFile(ACTIVITIES);
        GraphChecksum before = checksum();
        // Broken off in practitioner 3's line (line 5), after his identifier.
        Path truncated = cutInLine(5, 30);

        assertThatThrownBy(() -> importFile(truncated)).isInstanceOf(ImportFailedException.class)
                .hasMessageStartingWith("refusing to retire 5 of 8 active practitioners (62.5 %, above the limit of 5.0 %)");
        assertThat(checksum()).isEqualTo(before);

        assertThatThrownBy(() -> importFile(truncated, "max-retired-share", "50%"))
                .hasMessageContaining("above the limit of 50.0 %");
        ImportSummary allowed = importFile(truncated, "allow-mass-retirement", "true");
        assertThat(allowed.counter("practitioners retired")).isEqualTo(5);
        // The broken line is rejected; practitioner 3, whom it names, is kept as he was, not retired.
        assertThat(allowed.rejected()).isEqualTo(1);
        assertThat(allowed.counter("practitioners kept despite rejected lines")).isEqualTo(1);
        assertThat(one("MATCH (p:Practitioner {id: '810000000003'}) RETURN toString(p.active)")).isEqualTo("true");
    }

    @Test
    void aPractitionerWithARejectedLineKeepsEveryActivityAsItWas() throws Exception {
        importFile(ACTIVITIES);
        // Practitioner 2's second line (Meillonnas) broken: his first line alone must not retire the second activity.
        Path file = dir.resolve("PS_LibreAcces_Personne_activite_202403160900.txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(ACTIVITIES));
        lines.set(3, lines.get(3).substring(0, 60));
        Files.write(file, lines);

        ImportSummary summary = importFile(file);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.counter("practitioners updated") + summary.counter("practitioners retired")).isZero();
        assertThat(count("MATCH (:Practitioner {id: '810000000002'})-[:HAS_ACTIVITY]->(a {active: true}) RETURN count(a)"))
                .isEqualTo(2);
    }

    @Test
    void anotherArchiveFormatOrAZipWithoutTheExtractionIsNamedAsSuch() throws Exception {
        Path xz = dir.resolve("PS_LibreAcces_Personne_activite_" + STAMP + ".txt");
        Files.write(xz, new byte[] {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 4});
        assertThatThrownBy(() -> importFile(xz)).isInstanceOf(ImportFailedException.class)
                .hasMessage(xz.getFileName() + " is xz-compressed, not text: unpack it first (text, zip and gzip files "
                        + "are read as they are)");

        Path other = dir.resolve("other.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(other))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes(StandardCharsets.UTF_8));
        }
        assertThatThrownBy(() -> importFile(other)).isInstanceOf(ImportFailedException.class)
                .hasMessage("other.zip is a zip archive holding [readme.txt]; none is a PS_LibreAcces_Personne_activite file");
        assertThat(count("MATCH (n) WHERE n:Practitioner OR n:ImportRun RETURN count(n)")).isZero();
    }

    @Test
    void aBinaryLineIsReportedAsNotText() throws Exception {
        Path file = dir.resolve("PS_LibreAcces_Personne_activite_" + STAMP + ".txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(ACTIVITIES));
        lines.add("\u0001\u0002\u0003\u0004|\u0000\u0000|");
        Files.write(file, lines);
        ImportSummary summary = importFile(file);
        assertThat(summary.rejections()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(11);
            assertThat(r.reason()).startsWith("not text: control characters");
        });
    }

    @Test
    void theSameFileAgainWritesNoSiteAndNoPractitioner() throws Exception {
        ImportSummary first = importFile(ansZip());
        assertThat(first.counter("sites created")).isEqualTo(8);
        ImportSummary again = importFile(ansZip());
        assertThat(again.counter("sites created") + again.counter("sites updated")).isZero();
        assertThat(again.counter("practitioners created") + again.counter("practitioners updated")).isZero();
        assertThat(again.counter("practitioners unchanged")).isEqualTo(8);
    }

    @Test
    void aPractitionerWithoutAnySiteIsUnplacedInTheDepartementItsLineTellsElseNationally() throws Exception {
        // An ADELI psychologist without a site: her number says the Ain (01) registered her. Practitioner 3 (RPPS, no
        // site) tells no département at all.
        Path file = dir.resolve("PS_LibreAcces_Personne_activite_" + STAMP + ".txt");
        List<String> lines = new ArrayList<>(Files.readAllLines(ACTIVITIES));
        List<String> adeli = new ArrayList<>(Collections.nCopies(lines.get(0).split("\\|", -1).length - 1, ""));
        adeli.set(0, "0");
        adeli.set(1, "019300099");
        adeli.set(2, "0019300099");
        adeli.set(7, "ROUX");
        adeli.set(8, "Anne");
        adeli.set(9, "93");
        adeli.set(10, "Psychologue");
        lines.add(1, String.join("|", adeli) + "|");
        Files.write(file, lines);
        assertThat(importFile(file).rejected()).isZero();

        List<String> unplaced = practitioners.find(new PractitionerFilter(null, null, null, "department:01", null, null, null,
                false, false), null, new PageRequest(0, 50), true).getNodes().stream()
                .map(Practitioner::lastName).toList();
        // Trévoux: no commune code; Massieux: its commune has no centroid; Roux: no site at all.
        assertThat(unplaced).containsExactly("BLANC", "NOIR", "ROUX");
        assertThat(practitioners.counts("department:01", PractitionerFilter.PractitionerGrouping.UNPLACED_REASON, null,
                PractitionerFilter.NONE)).extracting(PractitionerCount::code, PractitionerCount::count)
                .containsExactlyInAnyOrder(Tuple.tuple("NO_SITE", 1L),
                        Tuple.tuple("NO_COMMUNE_CODE", 1L),
                        Tuple.tuple("NOT_FOUND", 1L));

        graphQl.document("{ unplacedPractitionerCounts { reason count withoutDepartment } }").execute()
                .path("unplacedPractitionerCounts").entityList(Map.class).isEqualTo(List.of(
                        Map.of("reason", "NOT_FOUND", "count", 1, "withoutDepartment", 0),
                        Map.of("reason", "NO_ADDRESS", "count", 1, "withoutDepartment", 1),
                        Map.of("reason", "NO_COMMUNE_CODE", "count", 1, "withoutDepartment", 0),
                        Map.of("reason", "NO_SITE", "count", 2, "withoutDepartment", 1)));
    }
}
