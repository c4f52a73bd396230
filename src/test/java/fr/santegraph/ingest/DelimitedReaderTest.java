package fr.santegraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one reader of delimited files, on the quirks of the files as published. */
class DelimitedReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private static List<DelimitedReader.Row> rows(Path file, DelimitedFormat format) throws IOException {
        try (DelimitedReader reader = DelimitedReader.open(file, format)) {
            List<DelimitedReader.Row> rows = new ArrayList<>();
            for (DelimitedReader.Row row = reader.next(); row != null; row = reader.next()) {
                rows.add(row);
            }
            return rows;
        }
    }

    @Test
    void anUnquotedFormatKeepsQuotesAndOtherSeparatorsAsDataAndDropsTheTrailingSeparator() throws IOException {
        Path file = write("rpps.txt", "\uFEFFId|Nom|Adresse|\r\n1|D\"ARTAGNAN|Résidence \"Les Pins\"; bât. A|\r\n\r\n2|\"|x|\n");
        try (DelimitedReader reader = DelimitedReader.open(file, DelimitedFormat.RPPS)) {
            assertThat(reader.header()).containsExactly("Id", "Nom", "Adresse");
            assertThat(reader.columns()).containsEntry("Id", 0).containsEntry("Adresse", 2);
            DelimitedReader.Row first = reader.next();
            assertThat(first.fields()).containsExactly("1", "D\"ARTAGNAN", "Résidence \"Les Pins\"; bât. A");
            assertThat(first.line()).isEqualTo(2);
            DelimitedReader.Row second = reader.next();
            assertThat(second.fields()).containsExactly("2", "\"", "x");
            assertThat(second.line()).isEqualTo(4);
            assertThat(reader.next()).isNull();
        }
    }

    @Test
    void rfc4180QuotingKeepsSeparatorsDoubledQuotesAndLineBreaksAndCountsLines() throws IOException {
        Path file = write("catalogue.csv", "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n");
        List<DelimitedReader.Row> rows = rows(file, DelimitedFormat.csv(',', StandardCharsets.UTF_8));
        assertThat(rows).extracting(DelimitedReader.Row::fields)
                .containsExactly(List.of("x, y", "say \"hi\"", "two\nlines"), List.of("last", "", ""));
        assertThat(rows).extracting(DelimitedReader.Row::line).containsExactly(2L, 4L);
    }

    @Test
    void anUnclosedQuoteFailsWithTheFileAndLine() throws IOException {
        Path file = write("broken.csv", "a,b\n\"open,b\n");
        assertThatThrownBy(() -> rows(file, DelimitedFormat.csv(',', StandardCharsets.UTF_8)))
                .isInstanceOf(ImportFailedException.class).hasMessageContaining("broken.csv:");
    }

    @Test
    void aFileInAnotherCharsetFailsWithItsNameAndLine() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, "Id|Nom|\n1|OK|\n2|Bérénice|\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> rows(file, DelimitedFormat.RPPS)).isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("latin1.txt: not valid UTF-8 text at line 3");
    }

    @Test
    void withoutACharsetTheHeaderTellsUtf8FromLatin1() throws IOException {
        Path latin1 = dir.resolve("laposte.csv");
        Files.write(latin1, "#Code;Libellé\r\n01001;ABERGEMENT CLÉMENCIAT\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(rows(latin1, DelimitedFormat.unquoted(';', null))).singleElement()
                .extracting(DelimitedReader.Row::fields).isEqualTo(List.of("01001", "ABERGEMENT CLÉMENCIAT"));
        Path utf8 = write("gps.csv", "#Code;Libellé\n01001;ABERGEMENT CLÉMENCIAT\n");
        assertThat(rows(utf8, DelimitedFormat.unquoted(';', null))).singleElement()
                .extracting(DelimitedReader.Row::fields).isEqualTo(List.of("01001", "ABERGEMENT CLÉMENCIAT"));
    }

    @Test
    void gzipAndSingleEntryZipFilesAreReadInPlace() throws IOException {
        String text = "Id|Nom|\n1|A|\n";
        Path gz = dir.resolve("rpps.txt.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Path zip = dir.resolve("rpps.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("folder/rpps.txt"));
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(rows(gz, DelimitedFormat.RPPS)).singleElement().extracting(DelimitedReader.Row::fields)
                .isEqualTo(List.of("1", "A"));
        assertThat(rows(zip, DelimitedFormat.RPPS)).singleElement().extracting(DelimitedReader.Row::fields)
                .isEqualTo(List.of("1", "A"));
        assertThat(DataFile.of(gz).name()).isEqualTo("rpps.txt");
        assertThat(DataFile.of(zip).describe()).isEqualTo("rpps.zip!folder/rpps.txt");
    }

    @Test
    void otherArchivesAndTruncatedZipsAreNamedAsSuch() throws IOException {
        Path bz = dir.resolve("rpps.txt");
        Files.write(bz, new byte[] {'B', 'Z', 'h', '9', '1', 'A', 'Y', '&'});
        assertThatThrownBy(() -> rows(bz, DelimitedFormat.RPPS)).isInstanceOf(ImportFailedException.class)
                .hasMessage("rpps.txt is bzip2-compressed, not text: unpack it first (text, zip and gzip files are read as they are)");
        Path zip = dir.resolve("cut.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("a.txt"));
            out.write(new byte[10_000]);
        }
        byte[] whole = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(whole, whole.length / 2));
        assertThatThrownBy(() -> DataFile.of(zip)).isInstanceOf(ImportFailedException.class)
                .hasMessageContaining("cut.zip: a damaged zip archive");
    }

    @Test
    void aZipWithSeveralFilesNamesWhatItHolds() throws IOException {
        Path zip = dir.resolve("two.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("a.txt"));
            out.putNextEntry(new ZipEntry("b.txt"));
        }
        assertThatThrownBy(() -> DataFile.of(zip)).isInstanceOf(ImportFailedException.class)
                .hasMessage("two.zip is a zip archive holding [a.txt, b.txt]; more than one is one data file");
        assertThat(DataFile.of(zip, name -> name.startsWith("b"), "b").name()).isEqualTo("b.txt");
    }

    @Test
    void aRowWithControlCharactersIsNotText() throws IOException {
        Path file = dir.resolve("binary.txt");
        Files.write(file, "Id|Nom|\n1|A\tB|\n2|\u0000\u0001x|\n".getBytes(StandardCharsets.UTF_8));
        assertThat(rows(file, DelimitedFormat.RPPS)).extracting(DelimitedReader.Row::isText).containsExactly(true, false);
    }
}
