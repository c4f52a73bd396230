package fr.santegraph.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VocabularyMappingTest {

    @Test
    void publishedAccessWordingsMapToTheFourLevels() {
        assertThat(AccessLevel.fromPublished("Accès à tous")).contains(AccessLevel.OPEN);
        assertThat(AccessLevel.fromPublished("PUBLIC")).contains(AccessLevel.OPEN);
        assertThat(AccessLevel.fromPublished("Accès restreint")).contains(AccessLevel.RESTRICTED);
        assertThat(AccessLevel.fromPublished("PRIVE")).contains(AccessLevel.RESTRICTED);
        assertThat(AccessLevel.fromPublished("Accès fermé")).contains(AccessLevel.CLOSED);
        assertThat(AccessLevel.fromPublished("Sur demande")).contains(AccessLevel.ON_REQUEST);
        assertThat(AccessLevel.fromPublished("")).isEmpty();
        assertThat(AccessLevel.mostOpen(AccessLevel.RESTRICTED, AccessLevel.OPEN)).isEqualTo(AccessLevel.OPEN);
    }

    @Test
    void publishedFrequenciesMapToTheEuVocabulary() {
        assertThat(UpdateFrequency.fromPublished("ANNUELLE")).isEqualTo(UpdateFrequency.ANNUAL);
        assertThat(UpdateFrequency.fromPublished("annuelle")).isEqualTo(UpdateFrequency.ANNUAL);
        assertThat(UpdateFrequency.fromPublished("UNE FOIS TOUS LES 2 ANS")).isEqualTo(UpdateFrequency.BIENNIAL);
        assertThat(UpdateFrequency.fromPublished("TOUS LES 7 ANS")).isEqualTo(UpdateFrequency.OTHER);
        assertThat(UpdateFrequency.fromPublished("RECUEIL EN CONTINU")).isEqualTo(UpdateFrequency.CONTINUOUS);
        assertThat(UpdateFrequency.fromPublished("EN COURS")).isEqualTo(UpdateFrequency.UNKNOWN);
        assertThat(UpdateFrequency.fromPublished("")).isNull();
    }

    @Test
    void otherGeographicScalesNameTheLevelsTheyContain() {
        assertThat(GeoLevel.otherLevels("IRIS, COMMUNES, EPCI, TERRITOIRES DE SANTE"))
                .containsExactlyInAnyOrder(GeoLevel.COMMUNE, GeoLevel.EPCI, GeoLevel.HEALTH_TERRITORY, GeoLevel.OTHER);
        assertThat(GeoLevel.otherLevels("NON DISPONIBLE")).isEmpty();
        assertThat(GeoLevel.available("TOUS LES DEPARTEMENTS")).isTrue();
        assertThat(GeoLevel.available("Non disponible")).isFalse();
    }
}
