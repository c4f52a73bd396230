package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublishedCoverageTest {

    @Test
    void aCoverageRestrictedToOneRegionNamesTodaysRegionEvenUnderItsFormerName() {
        assertThat(PublishedCoverage.region("REGION RHONE-ALPES")).contains("84");
        assertThat(PublishedCoverage.region("DEPARTEMENTS DE LA REGION PACA")).contains("93");
        assertThat(PublishedCoverage.region("Région Basse-Normandie")).contains("28");
        assertThat(PublishedCoverage.region("REGION ILE-DE-FRANCE")).contains("11");
        assertThat(PublishedCoverage.region("région Provence-Alpes-Côte d'Azur")).contains("93");
    }

    @Test
    void aNationalOrUnknownCoverageNamesNoRegion() {
        assertThat(PublishedCoverage.region("TOUTES LES REGIONS")).isEmpty();
        assertThat(PublishedCoverage.region("REGIONS METROPOLITAINES ET DROM")).isEmpty();
        assertThat(PublishedCoverage.region("TOUTES LES REGIONS (Y COMPRIS LES DROM HORS MAYOTTE)")).isEmpty();
        assertThat(PublishedCoverage.region("NON DISPONIBLE")).isEmpty();
        assertThat(PublishedCoverage.region("oui")).isEmpty();
        assertThat(PublishedCoverage.region("REGION ATLANTIDE")).isEmpty();
        assertThat(PublishedCoverage.region(null)).isEmpty();
    }

    @Test
    void everyRegionOrDepartementIsAllOfFranceButOneRegionOrAYesIsNot() {
        assertThat(PublishedCoverage.everywhere("TOUTES LES REGIONS (Y COMPRIS LES DROM HORS MAYOTTE)")).isTrue();
        assertThat(PublishedCoverage.everywhere("TOUS LES DEPARTEMENTS")).isTrue();
        assertThat(PublishedCoverage.everywhere("REGIONS METROPOLITAINES ET DROM")).isTrue();
        assertThat(PublishedCoverage.everywhere("DEPARTEMENTS DE LA REGION PACA")).isFalse();
        assertThat(PublishedCoverage.everywhere("oui")).isFalse();
        assertThat(PublishedCoverage.everywhere("NON DISPONIBLE")).isFalse();
        assertThat(PublishedCoverage.everywhere(null)).isFalse();
    }
}
