package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.NeedsSharedData;
import fr.santegraph.SharedData;
import fr.santegraph.ingest.DataFile;
import fr.santegraph.ingest.ImportFailedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractionScanTest {

    @TempDir
    Path dir;

    private boolean sorted(String... lines) throws IOException {
        Path file = dir.resolve("extraction.txt");
        Files.writeString(file, String.join("\n", lines), StandardCharsets.UTF_8);
        return ExtractionScan.of(DataFile.of(file), 2).sortedById();
    }

    @NeedsSharedData // the 22 real lines of ../shared/data/rpps
    @Test
    void thePublishedSampleIsSortedByNationalIdentifier() throws IOException {
        Path sample = SharedData.path("data/rpps/PS_LibreAcces_Personne_activite_sample_2021.txt");
        assertThat(ExtractionScan.of(DataFile.of(sample), 2).sortedById()).isTrue();
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

    @Test
    void theIdentifiersListedAreCountedOnceEach() throws IOException {
        Path file = dir.resolve("extraction.txt");
        Files.writeString(file, "h|h|h|\n8|1|81|\n8|1|81|\n8|2|82|\n\n8|3| 83 |", StandardCharsets.UTF_8);
        ExtractionScan scan = ExtractionScan.of(DataFile.of(file), 2);
        assertThat(scan.identifierCount()).isEqualTo(3);
        assertThat(scan.lists("81")).isTrue();
        assertThat(scan.lists("83")).isTrue();
        assertThat(scan.lists("84")).isFalse();

        // Out of order from the third identifier on: every one is still found.
        Files.writeString(file, "h|h|h|\n8|1|82|\n8|1|83|\n8|2|81|\n8|3|84|\n8|3|82|", StandardCharsets.UTF_8);
        ExtractionScan unsorted = ExtractionScan.of(DataFile.of(file), 2);
        assertThat(unsorted.sortedById()).isFalse();
        assertThat(unsorted.identifierCount()).isEqualTo(4);
        assertThat(List.of("81", "82", "83", "84")).allMatch(unsorted::lists);
        assertThat(unsorted.lists("85")).isFalse();
    }

    @Test
    void bytesThatAreNotUtf8FailTheScanWithTheirLineBeforeAnythingIsWritten() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "h|h|h|\n8|1|81|\n8|2|Bérénice|\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> ExtractionScan.of(DataFile.of(file), 2)).isInstanceOf(ImportFailedException.class)
                .hasMessageStartingWith("latin1.txt: not valid UTF-8 text at line 3");
    }

    @Test
    void longLinesPastTheIdentifierAreCheckedEightBytesAtATimeWithoutMissingABadByteOrANewline() throws IOException {
        String tail = "|DUPONT|Résidence \"Les Pins\"|0123456789abcdefghijklmnopqrstuvwxyz|";
        Path file = dir.resolve("long.txt");
        Files.writeString(file, "h|h|h|\n8|1|81" + tail + "\n8|1|82" + tail + "\n8|1|83" + tail, StandardCharsets.UTF_8);
        ExtractionScan scan = ExtractionScan.of(DataFile.of(file), 2);
        assertThat(scan.lines()).isEqualTo(3);
        assertThat(scan.identifierCount()).isEqualTo(3);
        assertThat(scan.sortedById()).isTrue();

        // One Latin-1 byte deep in a long ASCII run, at each position of an eight-byte word.
        for (int at = 0; at < 8; at++) {
            byte[] line = ("8|1|84|" + "x".repeat(20 + at) + "\u00e9" + "y".repeat(20) + "|\n").getBytes(StandardCharsets.ISO_8859_1);
            Path bad = dir.resolve("bad" + at + ".txt");
            Files.write(bad, concat("h|h|h|\n8|1|81|aaaaaaaaaaaaaaaaaaaaaaaa|\n".getBytes(StandardCharsets.UTF_8), line));
            assertThatThrownBy(() -> ExtractionScan.of(DataFile.of(bad), 2)).isInstanceOf(ImportFailedException.class)
                    .hasMessageContaining("not valid UTF-8 text at line 3");
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    @Test
    void aTruncatedGzipFailsTheScan() throws IOException {
        Path file = dir.resolve("extraction.txt.gz");
        try (var out = new GZIPOutputStream(Files.newOutputStream(file))) {
            for (int i = 0; i < 20_000; i++) {
                out.write(("8|" + i + "|8" + (100000 + i) + "|\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> ExtractionScan.of(DataFile.of(file), 2)).isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("the compressed data breaks off");
    }
}
