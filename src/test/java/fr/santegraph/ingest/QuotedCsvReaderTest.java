package fr.santegraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuotedCsvReaderTest {

    private static List<List<String>> readAll(String text, char separator, List<Long> lines) throws IOException {
        var reader = new QuotedCsvReader(new StringReader(text), "test.csv", separator);
        List<List<String>> records = new ArrayList<>();
        for (List<String> record = reader.next(); record != null; record = reader.next()) {
            records.add(record);
            lines.add(reader.recordLine());
        }
        return records;
    }

    @Test
    void quotedFieldsKeepSeparatorsQuotesAndLineBreaksAndLinesAreCounted() throws IOException {
        List<Long> lines = new ArrayList<>();
        var records = readAll("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\nlast,,\n", ',', lines);
        assertThat(records).containsExactly(List.of("a", "b", "c"), List.of("x, y", "say \"hi\"", "two\nlines"),
                List.of("last", "", ""));
        assertThat(lines).containsExactly(1L, 2L, 4L);
    }

    @Test
    void aLastRecordWithoutLineEndAndOtherSeparatorsAreRead() throws IOException {
        var records = readAll("a;\"b;c\"\nd;e", ';', new ArrayList<>());
        assertThat(records).containsExactly(List.of("a", "b;c"), List.of("d", "e"));
    }

    @Test
    void anUnclosedQuoteFailsWithTheFileAndLine() {
        assertThatThrownBy(() -> readAll("a\n\"open,b\n", ',', new ArrayList<>()))
                .isInstanceOf(ImportFailedException.class).hasMessageContaining("test.csv:2");
    }
}
