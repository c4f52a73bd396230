package fr.santegraph.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ProducerDirectoryTest {

    private final ProducerDirectory directory = ProducerDirectory.bundled();

    @Test
    void publishedSpellingsOfTheAssuranceMaladieAreOneProducer() {
        for (String spelling : List.of("CNAMTS", "ASSURANCE MALADIE", "Cnam", "cnam",
                "CAISSE NATIONALE DE L'ASSURANCE MALADIE DES TRAVAILLEURS SALARIES (CNAMTS)",
                "CAISSE NATIONALE D'ASSURANCE MALADIE (CNAM)", "Caisse Nationale de l'Assurance Maladie des Travailleurs Salariés")) {
            assertThat(directory.resolve(spelling).code()).as(spelling).isEqualTo("cnam");
        }
        assertThat(directory.resolve("CNAMTS").aliases()).contains("CNAMTS", "ASSURANCE MALADIE");
    }

    @Test
    void anUnknownNameWithAnAcronymIsKeyedOnTheAcronymSoItsSpellingsMeet() {
        var first = directory.resolve("OBSERVATOIRE NATIONAL DE LA FIN DE VIE (ONFV)");
        var second = directory.resolve("ONFV");
        assertThat(first.code()).isEqualTo("onfv").isEqualTo(second.code());
        assertThat(first.known()).isFalse();
        assertThat(first.name()).isEqualTo("OBSERVATOIRE NATIONAL DE LA FIN DE VIE");
    }

    @Test
    void aCellListingSeveralProducersIsSplitOnlyWhenItsPartsAreKnown() {
        assertThat(directory.resolveAll("DREES / INSERM")).extracting(ProducerDirectory.Entry::code)
                .containsExactly("drees", "inserm");
        assertThat(directory.resolveAll("CAISSE NATIONALE DE L'ASSURANCE MALADIE DES TRAVAILLEURS SALARIES (CNAMTS), "
                + "CAISSE CENTRALE DE LA MUTUALITE SOCIALE AGRICOLE (CCMSA), REGIME SOCIAL DES INDEPENDANTS (RSI)"))
                .extracting(ProducerDirectory.Entry::code).containsExactly("cnam", "msa", "rsi");
        assertThat(directory.resolveAll("Ministère de l'écologie, du développement durable et de l'énergie")).hasSize(1);
        assertThat(directory.resolveAll("")).isEmpty();
    }

    @Test
    void producerListsSplitOnCommasSlashesDashesAndEtOutsideParenthesesOnly() {
        assertThat(ProducerDirectory.splitOutsideParentheses("DREES, INSEE / Santé publique France - ATIH et CNAM"))
                .containsExactly("DREES", "INSEE", "Santé publique France", "ATIH", "CNAM");
        assertThat(ProducerDirectory.splitOutsideParentheses("Agence (ATIH, PMSI - MCO) et Insee (RP / 2019)"))
                .containsExactly("Agence (ATIH, PMSI - MCO)", "Insee (RP / 2019)");
        assertThat(ProducerDirectory.splitOutsideParentheses("Haut-Rhin-et-Loire, Secrétariat ,, / ")).as("a dash or 'et' within a word")
                .containsExactly("Haut-Rhin-et-Loire", "Secrétariat");
        assertThat(ProducerDirectory.splitOutsideParentheses("A ) B, C")).as("an unbalanced parenthesis stops the split")
                .containsExactly("A ) B, C");
    }

    /** The split as first written (a pattern matched after every character), kept as the reference it must equal. */
    private static List<String> patternSplit(String cell) {
        Pattern separators = Pattern.compile("\\s*(?:,|/|\\s-\\s|\\set\\s)$");
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : cell.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            current.append(c);
            if (depth == 0) {
                Matcher m = separators.matcher(current);
                if (m.find()) {
                    String part = current.substring(0, m.start()).strip();
                    if (!part.isEmpty()) {
                        parts.add(part);
                    }
                    current.setLength(0);
                }
            }
        }
        if (!current.toString().isBlank()) {
            parts.add(current.toString().strip());
        }
        return parts;
    }

    @Test
    void theOnePassSplitEqualsThePatternSplitOnRandomCells() {
        Random random = new Random(7);
        String alphabet = "ae t-,/()\tXy";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder cell = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                cell.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(ProducerDirectory.splitOutsideParentheses(cell.toString())).as(cell.toString())
                    .isEqualTo(patternSplit(cell.toString()));
        }
    }
}
