package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue's normalised access levels and frequencies land on the EU vocabularies, none left out. */
class CatalogueVocabularyTest {

    @Test
    void everyCatalogueAccessLevelHasAnEuAccessRight() {
        assertThat(Arrays.stream(fr.santegraph.catalogue.AccessLevel.values()).map(l -> CatalogueDcatSource.access(l.name())))
                .containsExactly(AccessLevel.PUBLIC, AccessLevel.RESTRICTED, AccessLevel.RESTRICTED, AccessLevel.NON_PUBLIC);
    }

    @Test
    void everyCatalogueFrequencyHasAnEuFrequency() {
        List<UpdateFrequency> mapped = Arrays.stream(fr.santegraph.catalogue.UpdateFrequency.values())
                .map(f -> CatalogueDcatSource.frequency(f.name())).toList();
        assertThat(mapped).doesNotContainNull();
        assertThat(CatalogueDcatSource.frequency("CONTINUOUS")).isEqualTo(UpdateFrequency.CONT);
        assertThat(CatalogueDcatSource.frequency("IRREGULAR")).isEqualTo(UpdateFrequency.IRREG);
        assertThat(CatalogueDcatSource.frequency("QUADRENNIAL")).isEqualTo(UpdateFrequency.QUADRENNIAL);
    }
}
