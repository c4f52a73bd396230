package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ingest.DataFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RppsGeneratorTest {

    private static final Path COMMUNES = PractitionerRefreshTest.FIXTURES.resolve("territories/communes.json");

    private static Set<String> ids(Path file) throws Exception {
        return Files.readAllLines(file).stream().skip(1).map(line -> line.split("\\|")[2]).collect(Collectors.toSet());
    }

    @Test
    void aGeneratedExtractionIsSortedByIdentifierAndHasTheRequestedLines(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("PS_LibreAcces_Personne_activite_1.txt");
        RppsGenerator.generate(COMMUNES, file, 2_000, 1);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2_001);
        assertThat(lines.get(0)).isEqualTo(RppsGenerator.HEADER);
        assertThat(ExtractionScan.of(DataFile.of(file), 2).sortedById()).isTrue();
    }

    @Test
    void theNextExtractionDropsRenamesAndAddsPractitionersAndStaysSorted(@TempDir Path dir) throws Exception {
        Path first = dir.resolve("PS_LibreAcces_Personne_activite_1.txt");
        Path next = dir.resolve("PS_LibreAcces_Personne_activite_2.txt");
        RppsGenerator.generate(COMMUNES, first, 2_000, 1);
        RppsGenerator.nextExtraction(first, next, 0.05, 2);

        Set<String> before = ids(first);
        Set<String> after = ids(next);
        long gone = before.stream().filter(id -> !after.contains(id)).count();
        long added = after.stream().filter(id -> !before.contains(id)).count();
        long renamed = Files.readAllLines(next).stream().filter(line -> line.contains("-NOUVEAU|"))
                .map(line -> line.split("\\|")[2]).distinct().count();
        // About 5 % of ~1,500 practitioners each way.
        assertThat(gone).isBetween(40L, 120L);
        assertThat(added).isBetween(40L, 120L);
        assertThat(renamed).isBetween(40L, 120L);
        assertThat(after).allMatch(id -> before.contains(id) || id.startsWith("89"));
        assertThat(ExtractionScan.of(DataFile.of(next), 2).sortedById()).isTrue();
    }
}
