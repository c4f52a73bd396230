package fr.santegraph.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowsTest {

    @Test
    void aColumnTheStatementReturnsIsReadAsItsType() {
        Map<String, Object> row = Map.of("n", 3L, "id", "x", "ids", List.of("a"), "p", Map.of("k", 1));

        assertThat(Rows.number(row, "n")).isEqualTo(3L);
        assertThat(Rows.text(row, "id")).isEqualTo("x");
        assertThat(Rows.list(row, "ids")).isEqualTo(List.of("a"));
        assertThat(Rows.map(row, "p")).containsEntry("k", 1);
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsTheRowHolds() {
        assertThatThrownBy(() -> Rows.number(Map.of("id", "x"), "count"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no count")
                .hasMessageContaining("[id]");
    }
}
