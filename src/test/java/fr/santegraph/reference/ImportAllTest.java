package fr.santegraph.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportSummary;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code import all --dir <folder>}: a download folder as a user fills it (subfolders, gzipped files, files the
 * service does not read), every recognised source handed to its importer in dependency order.
 */
class ImportAllTest extends ScratchGraphTest {

    private static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    private static final String TABLE_SCHEMA = """
            {"name": "FIX_TAB", "title": "Table de test", "produit": "DCIR", "fields": [
              {"name": "BEN_NIR_PSA", "type": "string", "description": "Identifiant"},
              {"name": "EXE_SOI_DTD", "type": "date", "description": "Date de début des soins"}],
             "primaryKey": ["BEN_NIR_PSA"]}
            """;

    @Autowired
    AllSourcesImporter all;

    @TempDir
    Path downloads;

    private static void gzip(Path source, Path target) throws Exception {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(target))) {
            Files.copy(source, out);
        }
    }

    private Path downloadFolder() throws Exception {
        Path cog = Files.createDirectories(downloads.resolve("cog-2024"));
        Path territories = FIXTURES.resolve("practitioners/territories");
        for (String file : new String[] {"regions.json", "departements.json", "epci.json", "laposte_gps.csv"}) {
            Files.copy(territories.resolve(file), cog.resolve(file));
        }
        gzip(territories.resolve("communes.json"), cog.resolve("communes.json.gz"));
        Path schemas = Files.createDirectories(downloads.resolve("schema-snds/schemas/DCIR"));
        Files.writeString(schemas.resolve("FIX_TAB.json"), TABLE_SCHEMA);
        Files.createDirectories(downloads.resolve("schema-snds/nomenclatures"));
        Files.writeString(downloads.resolve("schema-snds/nomenclatures/IR_X.json"), "{\"name\": \"not a table\"}");
        Path rpps = Files.createDirectories(downloads.resolve("rpps"));
        try (var files = Files.list(FIXTURES.resolve("practitioners/published"))) {
            for (Path file : files.toList()) {
                Files.copy(file, rpps.resolve(file.getFileName()));
            }
        }
        Files.writeString(downloads.resolve("notes.txt"), "not data");
        return downloads;
    }

    @Test
    void everyRecognisedSourceOfAFolderLoadsInDependencyOrder() throws Exception {
        ImportSummary summary = all.run(ImportRequest.of("all", "dir", downloadFolder().toString()));

        assertThat(count("MATCH (c:Commune {active: true}) RETURN count(c)")).isPositive();
        assertThat(count("MATCH (t:Table {code: 'FIX_TAB'})-[:HAS_VARIABLE]->(v) RETURN count(v)")).isEqualTo(2);
        assertThat(count("MATCH (t:Table) RETURN count(t)")).isEqualTo(1);
        // The RPPS files came after the communes: practitioners are placed in them.
        assertThat(summary.counter("practitioners created")).isEqualTo(8);
        assertThat(count("MATCH (:Site)-[:LOCATED_IN]->(:Commune) RETURN count(*)")).isPositive();
        assertThat(summary.source()).startsWith("all ");
    }

    @Test
    void twoCopiesOfOneFileForOneSourceAreRefusedBeforeAnythingLoads() throws Exception {
        Path folder = downloadFolder();
        Path other = Files.createDirectories(folder.resolve("cog-2025"));
        Files.copy(FIXTURES.resolve("territories/cog-b/communes.json"), other.resolve("communes.json"));

        assertThatThrownBy(() -> all.run(ImportRequest.of("all", "dir", folder.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("two copies of communes.json for territories")
                .hasMessageContaining("give one folder per edition");
        assertThat(count("MATCH (n) RETURN count(n)")).isZero();
    }

    @Test
    void aFolderWithNothingItReadsSaysSo() throws Exception {
        Files.writeString(downloads.resolve("notes.txt"), "not data");

        assertThatThrownBy(() -> all.run(ImportRequest.of("all", "dir", downloads.toString())))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("holds no published file this service reads");
    }

    @Test
    void aFailingSourceStopsTheRunNamingItAndTheOnesBeforeStayLoaded() throws Exception {
        Path folder = downloadFolder();
        Files.writeString(folder.resolve("rpps/PS_LibreAcces_Personne_activite_202403150900.txt"), "\u0000\u0001binary");

        assertThatThrownBy(() -> all.run(ImportRequest.of("all", "dir", folder.toString())))
                .isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("import all stopped at practitioners");
        assertThat(count("MATCH (c:Commune) RETURN count(c)")).isPositive();
        assertThat(count("MATCH (p:Practitioner) RETURN count(p)")).isZero();
    }
}
