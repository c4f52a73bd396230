package fr.santegraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.territory.TerritoryImporter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code santegraph import <source> ...}: summary on success, exit status 1 on failure, 2 on bad usage. */
class ImportCommandTest extends ScratchGraphTest {

    @Autowired
    TerritoryImporter territories;
    @Autowired
    RemoteImport remote;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int run(String... args) {
        return new ImportCommand(List.of(territories), remote, new PrintStream(output, true, StandardCharsets.UTF_8))
                .execute(List.of(args));
    }

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void importsAFolderAndPrintsASummaryWithTheRejectedRows() {
        int status = run("territories", "--dir", "src/test/resources/fixtures/territories/bad-rows");

        assertThat(status).isZero();
        assertThat(printed()).contains("rows read, 7 rejected").contains("COMMUNE written").contains("communes.json:5:");
    }

    @Test
    void runningTheSameImportTwiceLeavesTheSameGraph() {
        run("territories", "--dir", "src/test/resources/fixtures/territories/cog-a");
        long nodes = count("MATCH (n) RETURN count(n)");
        long relationships = count("MATCH ()-[r]->() RETURN count(r)");

        int status = run("territories", "--dir", "src/test/resources/fixtures/territories/cog-a");

        assertThat(status).isZero();
        assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(relationships);
    }

    @Test
    void anUnreadableSourceExitsWithStatusOneAndNamesTheFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("regions.json"), "{\"not\": \"an array\"}");

        assertThat(run("territories", "--dir", dir.toString())).isEqualTo(1);
        assertThat(printed()).contains("regions.json: expected a JSON array");
    }

    @Test
    void badUsageExitsWithStatusTwo() {
        assertThat(run("planets", "--dir", ".")).isEqualTo(2);
        assertThat(run("territories", "--dir", "no/such/folder")).isEqualTo(2);
        assertThat(printed()).contains("unknown source 'planets'").contains("is not a folder");
        assertThat(run()).isEqualTo(2);
        assertThat(printed()).contains("usage: java -jar santegraph.jar import <source>");
    }

    @Autowired
    List<Importer> importers;

    @Test
    void helpListsEveryImporterFromTheClasspathWithoutStartingAnything() {
        ByteArrayOutputStream help = new ByteArrayOutputStream();
        assertThat(ImportCommand.printHelp(new PrintStream(help, true, StandardCharsets.UTF_8),
                new String[] {"import", "--help"})).isZero();
        String text = help.toString(StandardCharsets.UTF_8);
        // The same importers as the application's beans, each with its usage line.
        for (Importer importer : importers) {
            assertThat(text).contains("  import " + importer.name() + " " + importer.usage());
        }
        assertThat(text.lines().filter(line -> line.startsWith("  import "))).hasSameSizeAs(importers);
        assertThat(ImportCommand.isHelpInvocation(new String[] {"import"})).isTrue();
        assertThat(ImportCommand.isHelpInvocation(new String[] {"import", "territories", "--dir", "x"})).isFalse();
    }
}
