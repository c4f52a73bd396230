package fr.santegraph.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TextFoldingTest {

    @Test
    void foldsAccentsCaseHyphensAndApostrophes() {
        assertThat(TextFolding.fold("Saint-Étienne")).isEqualTo(TextFolding.fold("saint etienne"));
        assertThat(TextFolding.fold("L'Haÿ-les-Roses")).isEqualTo("l hay les roses");
        assertThat(TextFolding.fold("Œuilly")).isEqualTo("oeuilly");
    }

    @Test
    void plainAsciiFoldsExactlyAsTheUnicodePathDoes() {
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "aZ09 -'.,/|_\t()&";
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(TextFolding.foldAscii(text.toString())).as("'%s'", text).isEqualTo(TextFolding.foldUnicode(text.toString()));
        }
        assertThat(TextFolding.fold("  12 BIS, RUE DU 8-MAI-1945  ")).isEqualTo("12 bis rue du 8 mai 1945");
        assertThat(TextFolding.foldAscii("Élise")).isNull();
    }
}
