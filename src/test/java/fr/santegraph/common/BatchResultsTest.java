package fr.santegraph.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchResultsTest {

    record Source(String name, String key) {
    }

    private final List<List<String>> loads = new ArrayList<>();

    private Map<String, List<String>> load(List<String> keys) {
        loads.add(keys);
        return Map.of("a", List.of("a1", "a2"), "b", List.of());
    }

    @Test
    void distinctKeysAreLoadedOnceAndEachSourceGetsWhatItsKeyFoundInTheOrderAsked() {
        Source one = new Source("one", "a");
        Source two = new Source("two", "c");
        Source three = new Source("three", "a");

        Map<Source, List<String>> result = BatchResults.lists(List.of(one, two, three, one), Source::key, this::load);

        assertThat(loads).containsExactly(List.of("a", "c"));
        assertThat(result).containsExactly(Map.entry(one, List.of("a1", "a2")), Map.entry(two, List.of()),
                Map.entry(three, List.of("a1", "a2")));
    }

    @Test
    void sourcesWithoutAKeyCostNoStatementAndAreLeftOutOfSingleResults() {
        Source none = new Source("none", null);

        assertThat(BatchResults.ones(List.of(none), Source::key, keys -> BatchResults.firsts(load(keys)))).isEmpty();
        assertThat(loads).isEmpty();
        assertThat(BatchResults.lists(List.of(none), Source::key, this::load)).containsExactly(Map.entry(none, List.of()));
        assertThat(loads).isEmpty();
    }

    @Test
    void aSingleRelationTakesTheFirstOfItsListAndLeavesOutThoseThatFoundNone() {
        Source a = new Source("a", "a");
        Source b = new Source("b", "b");

        assertThat(BatchResults.ones(List.of(a, b), Source::key, keys -> BatchResults.firsts(load(keys))))
                .containsExactly(Map.entry(a, "a1"));
    }

    @Test
    void countsDefaultToZeroForKeysTheStatementDidNotReturn() {
        Source a = new Source("a", "a");
        Source z = new Source("z", "z");

        assertThat(BatchResults.bySource(List.of(a, z), Source::key, keys -> Map.of("a", 3), 0))
                .containsExactly(Map.entry(a, 3), Map.entry(z, 0));
    }
}
