package fr.santegraph.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pattern against the attacker's linear programs ({@link DisclosureAudit}), on generated regions. */
class CellSuppressionTest {

    private final CellSuppression suppression = new CellSuppression(11, 3);

    private static Map<String, DisclosureAudit.Bounds> narrowerThan(double values, Map<String, DisclosureAudit.Bounds> bounds) {
        return bounds.entrySet().stream().filter(e -> e.getValue().wholeValues() < values)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @Test
    void maskingTheSmallCountsAloneLetsTheTotalsGiveThemAway() {
        GeneratedCube generated = GeneratedCube.region(7, 2, 30, false);
        BitSet primaryOnly = new BitSet();
        for (int c = 0; c < generated.cube().size(); c++) {
            if (suppression.isSmall(generated.cube().value(c))) {
                primaryOnly.set(c);
            }
        }
        var bounds = DisclosureAudit.bounds(generated.published(new CellSuppression.Pattern(primaryOnly, primaryOnly)),
                generated.parents());

        assertThat(narrowerThan(3, bounds)).isNotEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void everyMaskedCountStaysAmongAtLeastThreeWholeValuesOverCommunesEpcisDepartmentsRegionYearAndQuarters(long seed) {
        GeneratedCube generated = GeneratedCube.region(seed, 2, 30, false);
        CellSuppression.Pattern pattern = suppression.suppress(generated.cube());

        var bounds = DisclosureAudit.bounds(generated.published(pattern), generated.parents());

        assertThat(pattern.primary().cardinality()).as("small counts in the cube").isGreaterThan(20);
        assertThat(bounds).hasSize(pattern.maskedCount());
        assertThat(narrowerThan(3, bounds)).isEmpty();
        // Nothing is masked that need not be: the pattern stays a minority of the cells.
        assertThat(pattern.maskedCount()).isLessThan(generated.cube().size() / 2);
    }

    @Test
    void anAttackerWhoAlsoKnowsEveryFarCellIsStillHeldAtThreeValues() {
        // The national benchmark's audit gives the attacker the masked cells more than a few sums away: a stronger
        // attacker, so its bounds lie within the real one's — and the pattern still holds against it.
        GeneratedCube generated = GeneratedCube.region(2, 2, 30, false);
        CellSuppression.Pattern pattern = suppression.suppress(generated.cube());
        var whole = DisclosureAudit.bounds(generated.published(pattern), generated.parents());
        var knowingFarCells = DisclosureAudit.boundsKnowingFarCells(generated.published(pattern), generated.parents(),
                cell -> true, generated.values(), 3);

        assertThat(knowingFarCells.keySet()).isEqualTo(whole.keySet());
        knowingFarCells.forEach((cell, bounds) -> assertThat(bounds.wholeValues()).as(cell)
                .isLessThanOrEqualTo(whole.get(cell).wholeValues()).isGreaterThanOrEqualTo(3));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void theMovesItReportsProveEveryMaskedCountWithoutSolvingAndNeverClaimMoreThanTheLinearPrograms(long seed) {
        GeneratedCube generated = GeneratedCube.region(seed, 2, 30, seed == 3);
        CellSuppression.Pattern pattern = suppression.suppress(generated.cube());
        var published = generated.published(pattern);

        var certificates = DisclosureAudit.certify(published, generated.parents(), generated.values(),
                generated.moves(pattern));
        var bounds = DisclosureAudit.bounds(published, generated.parents());

        assertThat(certificates.invalid()).isEmpty();
        assertThat(certificates.wholeValues()).hasSize(pattern.maskedCount());
        assertThat(certificates.fewest()).isGreaterThanOrEqualTo(3);
        certificates.wholeValues().forEach((cell, proven) -> assertThat((double) proven).as(cell)
                .isLessThanOrEqualTo(bounds.get(cell).wholeValues()));
    }

    @Test
    void aMoveThatChangesASumOrTouchesAPublishedCellProvesNothing() {
        GeneratedCube generated = GeneratedCube.region(4, 2, 30, false);
        CellSuppression.Pattern pattern = suppression.suppress(generated.cube());
        var published = generated.published(pattern);
        Map<String, Integer> move = generated.moves(pattern).get(0);
        Map<String, Integer> lopsided = new LinkedHashMap<>(move);
        lopsided.remove(lopsided.keySet().iterator().next());
        String publishedCell = published.stream().filter(r -> r.value() != null).findFirst()
                .map(r -> r.territory() + "|" + r.period()).orElseThrow();
        Map<String, Integer> throughPublished = new LinkedHashMap<>(move);
        throughPublished.put(publishedCell, 1);

        var certificates = DisclosureAudit.certify(published, generated.parents(), generated.values(),
                List.of(lopsided, throughPublished));

        assertThat(certificates.invalid()).hasSize(2);
        assertThat(certificates.fewest()).isZero();
    }

    @Test
    void monthsQuartersAndTheYearAreProtectedTogether() {
        GeneratedCube generated = GeneratedCube.region(11, 2, 20, true);
        CellSuppression.Pattern pattern = suppression.suppress(generated.cube());

        assertThat(narrowerThan(3, DisclosureAudit.bounds(generated.published(pattern), generated.parents()))).isEmpty();
    }

    @Test
    void aHigherProtectionLevelHoldsToo() {
        GeneratedCube generated = GeneratedCube.region(3, 3, 15, false);
        CellSuppression.Pattern pattern = new CellSuppression(11, 6).suppress(generated.cube());

        assertThat(narrowerThan(6, DisclosureAudit.bounds(generated.published(pattern), generated.parents()))).isEmpty();
    }

    @Test
    void anEpciTotalCannotBeUsedToSubtractItsPublishedCommunes() {
        // EPCI 54 = 50 + 4, département 01 = 4 + 50 + 30 + 70: masking 4 with the département's smallest other
        // commune (30) leaves 54 − 50.
        CountCube cube = CountCube.builder()
                .territory("department:01", List.of())
                .territory("commune:01001", List.of("department:01", "epci:1"))
                .territory("commune:01002", List.of("department:01", "epci:1"))
                .territory("commune:01003", List.of("department:01", "epci:2"))
                .territory("commune:01004", List.of("department:01", "epci:2"))
                .cell("commune:01001", "2022", 4).cell("commune:01002", "2022", 50)
                .cell("commune:01003", "2022", 30).cell("commune:01004", "2022", 70)
                .cell("epci:1", "2022", 54).cell("epci:2", "2022", 100).cell("department:01", "2022", 154)
                .build();
        CellSuppression.Pattern pattern = suppression.suppress(cube);

        assertThat(pattern.isMasked(cube.cell("commune:01001", "2022"))).isTrue();
        // Within its EPCI 01001 can only be balanced by 01002.
        assertThat(pattern.isMasked(cube.cell("commune:01002", "2022"))).isTrue();
        assertThat(pattern.isMasked(cube.cell("department:01", "2022"))).isFalse();
        assertThat(pattern.isMasked(cube.cell("epci:1", "2022"))).isFalse();
    }

    @Test
    void aYearCannotBeUsedToSubtractItsPublishedQuarters() {
        CountCube.Builder builder = CountCube.builder()
                .territory("commune:1", List.of("department:1"))
                .territory("commune:2", List.of("department:1"));
        long[][] quarters = {{14, 14, 14, 3}, {20, 25, 30, 35}};
        for (int c = 0; c < 2; c++) {
            long year = 0;
            for (int q = 0; q < 4; q++) {
                builder.cell("commune:" + (c + 1), "2022-Q" + (q + 1), quarters[c][q]);
                year += quarters[c][q];
            }
            builder.cell("commune:" + (c + 1), "2022", year);
        }
        for (int q = 0; q < 4; q++) {
            builder.cell("department:1", "2022-Q" + (q + 1), quarters[0][q] + quarters[1][q]);
        }
        builder.cell("department:1", "2022", 45 + 110);
        CountCube cube = builder.build();
        CellSuppression.Pattern pattern = suppression.suppress(cube);

        GeneratedCube asPublished = new GeneratedCube(cube, Map.of("commune:1", List.of("department:1"),
                "commune:2", List.of("department:1")), Map.of());
        var bounds = DisclosureAudit.bounds(asPublished.published(pattern), asPublished.parents());
        assertThat(bounds).containsKey("commune:1|2022-Q4");
        assertThat(narrowerThan(3, bounds)).isEmpty();
        assertThat(pattern.isMasked(cube.cell("commune:1", "2022"))).as("the year total stays published").isFalse();
    }

    @Test
    void theSameCountsGiveTheSamePattern() {
        CellSuppression.Pattern first = suppression.suppress(GeneratedCube.region(5, 2, 25, false).cube());
        CellSuppression.Pattern second = suppression.suppress(GeneratedCube.region(5, 2, 25, false).cube());

        assertThat(second.masked()).isEqualTo(first.masked());
    }

    @Test
    void zerosAndCountsFromTheThresholdUpArePublishedWhenNothingSmallNeedsThem() {
        CountCube cube = CountCube.builder()
                .territory("commune:1", List.of("department:1"))
                .territory("commune:2", List.of("department:1"))
                .cell("commune:1", "2022", 0).cell("commune:2", "2022", 11).cell("department:1", "2022", 11)
                .build();

        assertThat(suppression.suppress(cube).maskedCount()).isZero();
    }
}
