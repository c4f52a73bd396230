package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.dcat.DcatRecords.Period;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PublishedValuesTest {

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

    @Test
    void theBaseVersionIsTheMonthOrTheSpreadsheetDayItNames() {
        assertThat(PublishedValues.baseVersion("OCTOBRE-17")).contains(LocalDate.of(2017, 10, 1));
        assertThat(PublishedValues.baseVersion("DÉCEMBRE-16")).contains(LocalDate.of(2016, 12, 1));
        assertThat(PublishedValues.baseVersion("mars 2018")).contains(LocalDate.of(2018, 3, 1));
        assertThat(PublishedValues.baseVersion("42644")).contains(LocalDate.of(2016, 10, 1));
        assertThat(PublishedValues.baseVersion("43502")).contains(LocalDate.of(2019, 2, 6));
        assertThat(PublishedValues.baseVersion("2024")).as("a year alone says no day").isEmpty();
        assertThat(PublishedValues.baseVersion("99999")).isEmpty();
        assertThat(PublishedValues.baseVersion("BRUMAIRE-17")).isEmpty();
        assertThat(PublishedValues.baseVersion("")).isEmpty();
        assertThat(PublishedValues.baseVersion(null)).isEmpty();
    }
}
