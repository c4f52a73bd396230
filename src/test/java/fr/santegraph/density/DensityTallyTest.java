package fr.santegraph.density;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DensityTallyTest {

    /** Two communes of one EPCI, a third in another EPCI of the same département. */
    private static final Map<String, Collection<String>> UP = Map.of(
            "commune:01004", List.of("commune:01004", "epci:A", "department:01", "region:84"),
            "commune:01007", List.of("commune:01007", "epci:A", "department:01", "region:84"),
            "commune:01053", List.of("commune:01053", "epci:B", "department:01", "region:84"));

    @Test
    void aPractitionerInTwoCommunesOfAnEpciCountsOnceInTheEpciAndOnceInEachCommune() {
        DensityTally tally = new DensityTally(UP::get);
        tally.add(List.of(new DensityTally.Place("10", "commune:01004"), new DensityTally.Place("10", "commune:01007")),
                List.of("SM54"));
        tally.add(List.of(new DensityTally.Place("10", "commune:01053")), List.of());

        Map<String, Integer> doctors = tally.counts().get(DensityIndicator.forProfession("10"));
        assertThat(doctors).containsEntry("commune:01004", 1).containsEntry("commune:01007", 1)
                .containsEntry("epci:A", 1).containsEntry("epci:B", 1).containsEntry("department:01", 2)
                .containsEntry("region:84", 2);
        assertThat(tally.counts().get(DensityIndicator.forSpecialty("SM54")))
                .containsOnlyKeys("commune:01004", "commune:01007", "epci:A", "department:01", "region:84")
                .containsEntry("department:01", 1);
        assertThat(tally.practitioners()).isEqualTo(2);
    }

    @Test
    void aPractitionerWithTwoProfessionsCountsInEachAndAnUnknownPlaceCountsNowhere() {
        DensityTally tally = new DensityTally(UP::get);
        tally.add(List.of(new DensityTally.Place("10", "commune:01004"), new DensityTally.Place("60", "commune:01004"),
                new DensityTally.Place("60", "commune:99999")), List.of());
        tally.add(List.of(new DensityTally.Place("60", "commune:99999")), List.of("SM54"));

        assertThat(tally.counts().get(DensityIndicator.forProfession("10"))).containsEntry("department:01", 1);
        assertThat(tally.counts().get(DensityIndicator.forProfession("60"))).containsEntry("department:01", 1)
                .doesNotContainKey("commune:99999");
        assertThat(tally.counts()).doesNotContainKey(DensityIndicator.forSpecialty("SM54"));
        assertThat(tally.practitioners()).as("the second is in no territory counted").isEqualTo(1);
    }
}
