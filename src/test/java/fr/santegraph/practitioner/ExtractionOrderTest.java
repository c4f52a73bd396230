package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionOrderTest {

    @TempDir
    Path dir;

    private boolean sorted(String... lines) throws IOException {
        Path file = dir.resolve("extraction.txt");
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return ExtractionOrder.sortedById(file, 2);
    }

    @Test
    void thePublishedSampleIsSortedByNationalIdentifier() throws IOException {
        Path sample = SharedData.path("data/rpps/PS_LibreAcces_Personne_activite_sample_2021.txt");
        assertThat(ExtractionOrder.sortedById(sample, 2)).isTrue();
    }

    @Test
    void consecutiveLinesOfOnePractitionerAndTheHeaderDoNotBreakTheOrder() throws IOException {
        assertThat(sorted("Type|Identifiant|Identification nationale PP|", "8|1|81 |", "8|1| 81|", "8|2|82|", "")).isTrue();
    }

    @Test
    void anIdentifierSmallerThanTheOneBeforeMeansUnsorted() throws IOException {
        assertThat(sorted("h|h|h|", "8|1|81|", "8|3|83|", "8|2|82|")).isFalse();
        // the last line, without its newline, counts too
        assertThat(sorted("h|h|h|", "8|3|83|", "8|2|82|")).isFalse();
        // byte order, as Neo4j compares: "810" after "81", "0..." (ADELI) before "8..." (RPPS)
        assertThat(sorted("h|h|h|", "0|1|0010001949|", "8|1|81|", "8|2|810|")).isTrue();
        assertThat(sorted("h|h|h|", "8|2|810|", "8|1|81|")).isFalse();
    }

    @Test
    void aLineWithoutIdentifierIsIgnoredAndANonAsciiOneIsTreatedAsUnsorted() throws IOException {
        assertThat(sorted("h|h|h|", "8|1|81|", "8|1||", "8|2|82|")).isTrue();
        assertThat(sorted("h|h|h|", "8|1|81|", "8|2|8é|")).isFalse();
    }
}
