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
}
