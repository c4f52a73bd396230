package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PractitionerListTest {

    /** Five practitioners in list order; the third practises twice in one commune, the fourth nowhere known. */
    private static final PractitionerList LIST = PractitionerList.of(List.of("p1", "p2", "p3", "p4", "p5"), List.of(
            List.of("commune:01001"), List.of("commune:01002", "commune:01001"),
            List.of("commune:01002", "commune:01002"), List.of(), List.of("department:01")));

    @Test
    void pagesAreSlicesOfTheListFromEitherEnd() {
        assertThat(LIST.page(0, 2, false)).isEqualTo(new PractitionerList.Slice(List.of("p1", "p2"), 5));
        assertThat(LIST.page(3, 10, false).ids()).containsExactly("p4", "p5");
        assertThat(LIST.page(0, 2, true).ids()).containsExactly("p5", "p4");
        assertThat(LIST.page(4, 2, true).ids()).containsExactly("p1");
    }

    @Test
    void pagesPastTheEndOrOfNothingAreEmptyButKeepTheTotal() {
        assertThat(LIST.page(5, 2, false)).isEqualTo(new PractitionerList.Slice(List.of(), 5));
        assertThat(LIST.page(Long.MAX_VALUE, 2, true).ids()).isEmpty();
        assertThat(LIST.page(0, 0, false).ids()).isEmpty();
        assertThat(PractitionerList.of(List.of(), List.of()).page(0, 20, false).total()).isZero();
    }

    @Test
    void countsArePractitionersOncePerTerritoryOfTheirPlaces() {
        Map<String, List<String>> epci = Map.of("commune:01001", List.of("epci:A"), "commune:01002", List.of("epci:B"));
        assertThat(LIST.counts(epci::get)).isEqualTo(Map.of("epci:A", 2L, "epci:B", 2L));
        assertThat(LIST.counts(place -> List.of("department:01"))).isEqualTo(Map.of("department:01", 4L));
        assertThat(LIST.counts(place -> null)).isEmpty();
    }

    @Test
    void idsComeBackAsGivenWhateverTheirCharacters() {
        PractitionerList list = PractitionerList.of(List.of("810001234567", "0A1234567é", "𝒜"),
                List.of(List.of(), List.of(), List.of()));
        assertThat(list.page(0, 3, false).ids()).containsExactly("810001234567", "0A1234567é", "𝒜");
    }
}
