package fr.santegraph.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
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
}
