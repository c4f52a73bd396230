package fr.santegraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Values;

/** The offline importer's CSV as written: what a published value with quotes, commas or lines becomes. */
class ImporterCsvTest {

    @TempDir
    Path dir;

    private String written(Object... values) throws Exception {
        Path file = dir.resolve("f.csv");
        Files.deleteIfExists(file);
        try (ImporterCsv csv = ImporterCsv.create(file, List.of("a", "b", "c"))) {
            csv.row(values);
        }
        return Files.readString(file, StandardCharsets.UTF_8).split("\n", 2)[1];
    }

    @Test
    void stringsAreQuotedWithTheirQuotesDoubledAndNullsLeftEmpty() throws Exception {
        assertThat(written("D\"ARTAGNAN", "Résidence \"Les Pins\", bât. A", null))
                .isEqualTo("\"D\"\"ARTAGNAN\",\"Résidence \"\"Les Pins\"\", bât. A\",\n");
    }

    @Test
    void numbersDatesAndPointsAreWrittenAsTheImporterReadsThem() throws Exception {
        assertThat(written(42L, 0.1 + 0.2, Values.point(4326, 2.35, 48.85).asPoint()))
                .isEqualTo("42,0.30000000000000004,\"{crs:WGS-84,longitude:2.35,latitude:48.85}\"\n");
        assertThat(written(LocalDate.of(2024, 3, 15), ZonedDateTime.of(2024, 3, 15, 9, 0, 0, 0, ZoneOffset.UTC), true))
                .isEqualTo("2024-03-15,2024-03-15T09:00Z,true\n");
    }

    @Test
    void arraysAreJoinedByTheUnitSeparatorAndOneHoldingItIsRefused() throws Exception {
        assertThat(written(List.of("dupont", "jean"), List.of(1L, 2L), null))
                .isEqualTo("\"dupont\u001Fjean\",\"1\u001F2\",\n");
        assertThatThrownBy(() -> written(List.of("a\u001Fb"), null, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+001F");
    }

    @Test
    void aValueSpanningLinesMarksTheFileAsMultiline() throws Exception {
        try (ImporterCsv csv = ImporterCsv.create(dir.resolve("m.csv"), List.of("a"))) {
            csv.row("one line");
            assertThat(csv.multiline()).isFalse();
            csv.row("two\nlines");
            assertThat(csv.multiline()).isTrue();
            assertThat(csv.rows()).isEqualTo(2);
        }
    }

    @Test
    void aNonFiniteDoubleOrAnUnknownTypeIsRefusedRatherThanChanged() {
        assertThatThrownBy(() -> written(Double.NaN, null, null)).hasMessageContaining("non-finite");
        assertThatThrownBy(() -> written(new Object(), null, null)).hasMessageContaining("no importer format");
        assertThatThrownBy(() -> written("only one")).hasMessageContaining("1 values for 3 columns");
    }

    @Test
    void cypherTypesMapToTheImportersColumnTypes() {
        assertThat(GraphExport.importerType("STRING NOT NULL")).isEqualTo("string");
        assertThat(GraphExport.importerType("LIST<INTEGER NOT NULL> NOT NULL")).isEqualTo("long[]");
        assertThat(GraphExport.importerType("ZONED DATETIME NOT NULL")).isEqualTo("datetime");
        assertThat(GraphExport.importerType("LIST<NOTHING> NOT NULL")).isEqualTo("string[]");
        assertThat(GraphExport.cypherType(Values.value(List.of("a")))).isEqualTo("LIST<STRING NOT NULL> NOT NULL");
        assertThat(GraphExport.cypherType(Values.value(List.of()))).isEqualTo("LIST<NOTHING> NOT NULL");
        assertThatThrownBy(() -> GraphExport.importerType("MAP NOT NULL")).isInstanceOf(ImportFailedException.class);
    }
}
