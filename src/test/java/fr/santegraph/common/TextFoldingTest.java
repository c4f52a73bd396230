package fr.santegraph.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void foldsAccentsCaseHyphensAndApostrophes() {
        assertThat(TextFolding.fold("Saint-Étienne")).isEqualTo(TextFolding.fold("saint etienne"));
        assertThat(TextFolding.fold("L'Haÿ-les-Roses")).isEqualTo("l hay les roses");
        assertThat(TextFolding.fold("Œuilly")).isEqualTo("oeuilly");
    }
}
