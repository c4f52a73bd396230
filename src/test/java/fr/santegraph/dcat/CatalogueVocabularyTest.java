package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.catalogue.AccessLevel;
import fr.santegraph.catalogue.UpdateFrequency;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue's normalised access levels and frequencies land on the EU vocabularies, none left out. */
class CatalogueVocabularyTest {

    @Test
    void everyCatalogueAccessLevelHasAnEuAccessRight() {
        assertThat(Arrays.stream(AccessLevel.values()).map(EuAccessRight::of))
                .containsExactly(EuAccessRight.PUBLIC, EuAccessRight.RESTRICTED, EuAccessRight.RESTRICTED, EuAccessRight.NON_PUBLIC);
    }

    @Test
    void everyCatalogueFrequencyHasAnEuFrequency() {
        List<EuFrequency> mapped = Arrays.stream(UpdateFrequency.values()).map(EuFrequency::of).toList();
        assertThat(mapped).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(EuFrequency.of(UpdateFrequency.CONTINUOUS)).isEqualTo(EuFrequency.CONT);
        assertThat(EuFrequency.of(UpdateFrequency.IRREGULAR)).isEqualTo(EuFrequency.IRREG);
        assertThat(EuFrequency.of(UpdateFrequency.QUADRENNIAL)).isEqualTo(EuFrequency.QUADRENNIAL);
    }

    @Test
    void aStoredValueThatIsNoLongerALevelOrFrequencyExportsNone() {
        assertThat(CatalogueDcatSource.access("OPEN")).isEqualTo(EuAccessRight.PUBLIC);
        assertThat(CatalogueDcatSource.access("PRIVE")).isNull();
        assertThat(CatalogueDcatSource.frequency("FORTNIGHTLY")).isNull();
        assertThat(CatalogueDcatSource.frequency(null)).isNull();
    }
}
