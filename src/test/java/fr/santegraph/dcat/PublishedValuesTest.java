package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.dcat.DcatRecords.Period;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublishedValuesTest {

    @Test
    void accessLevelsOfBothSourcesMapToTheEuAccessRights() {
        assertThat(PublishedValues.accessLevel("PUBLIC")).contains(AccessLevel.PUBLIC);
        assertThat(PublishedValues.accessLevel("Public")).contains(AccessLevel.PUBLIC);
        assertThat(PublishedValues.accessLevel(" Accès à tous")).contains(AccessLevel.PUBLIC);
        assertThat(PublishedValues.accessLevel("RESTREINT")).contains(AccessLevel.RESTRICTED);
        assertThat(PublishedValues.accessLevel("Accès restreint")).contains(AccessLevel.RESTRICTED);
        assertThat(PublishedValues.accessLevel("PRIVE")).contains(AccessLevel.NON_PUBLIC);
        assertThat(PublishedValues.accessLevel("Accès fermé")).contains(AccessLevel.NON_PUBLIC);
        assertThat(PublishedValues.accessLevel("")).isEmpty();
        assertThat(PublishedValues.accessLevel(null)).isEmpty();
    }

    @Test
    void publishedFrequenciesMapToTheEuFrequencies() {
        assertThat(PublishedValues.frequency("ANNUELLE")).contains(UpdateFrequency.ANNUAL);
        assertThat(PublishedValues.frequency("annuelle")).contains(UpdateFrequency.ANNUAL);
        assertThat(PublishedValues.frequency("MENSUELLE")).contains(UpdateFrequency.MONTHLY);
        assertThat(PublishedValues.frequency("UNE FOIS TOUS LES 2 ANS")).contains(UpdateFrequency.BIENNIAL);
        assertThat(PublishedValues.frequency("TOUS LES 3 ANS")).contains(UpdateFrequency.TRIENNIAL);
        assertThat(PublishedValues.frequency("TOUS LES 7 ANS")).contains(UpdateFrequency.OTHER);
        assertThat(PublishedValues.frequency("RECUEIL EN CONTINU")).contains(UpdateFrequency.CONT);
        assertThat(PublishedValues.frequency("PONCTUELLE")).contains(UpdateFrequency.IRREG);
        assertThat(PublishedValues.frequency("EN COURS")).contains(UpdateFrequency.UNKNOWN);
        assertThat(PublishedValues.frequency("")).isEmpty();
        assertThat(PublishedValues.frequency("SELON LES BESOINS")).isEmpty();
    }

    @Test
    void historicalDepthBecomesATemporalCoverage() {
        assertThat(PublishedValues.temporal("DEPUIS 2006")).contains(new Period(LocalDate.of(2006, 1, 1), null));
        assertThat(PublishedValues.temporal("2014, DEPUIS 2011 VIA TABLEAU PERSONNALISABLE"))
                .contains(new Period(LocalDate.of(2011, 1, 1), null));
        assertThat(PublishedValues.temporal("2009-2013")).contains(new Period(LocalDate.of(2009, 1, 1), LocalDate.of(2013, 12, 31)));
        assertThat(PublishedValues.temporal("1999, 2010, 2015")).contains(new Period(LocalDate.of(1999, 1, 1), LocalDate.of(2015, 12, 31)));
        assertThat(PublishedValues.temporal("2017")).contains(new Period(LocalDate.of(2017, 1, 1), LocalDate.of(2017, 12, 31)));
        assertThat(PublishedValues.temporal("CINQ ANNEES")).isEmpty();
        assertThat(PublishedValues.temporal("")).isEmpty();
    }
}
