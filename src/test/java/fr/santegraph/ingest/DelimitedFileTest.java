package fr.santegraph.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DelimitedFileTest {

    @Test
    void keepsEmptyFieldsAndDropsOneTrailingDelimiter() {
        assertThat(DelimitedFile.split("a||c|", '|', true)).containsExactly("a", "", "c");
        assertThat(DelimitedFile.split("a;;c;", ';', false)).containsExactly("a", "", "c", "");
    }

    @Test
    void parsesOptionsWithSpaceOrEquals() {
        ImportRequest request = ImportRequest.parse(java.util.List.of("territories", "--dir", "/tmp/x", "--scope=75,92"));

        assertThat(request.source()).isEqualTo("territories");
        assertThat(request.option("dir")).contains("/tmp/x");
        assertThat(request.list("scope")).containsExactly("75", "92");
    }
}
