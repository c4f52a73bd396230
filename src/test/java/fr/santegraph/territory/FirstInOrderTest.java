package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FirstInOrderTest {

    private static final Comparator<Integer> BY_TENS_THEN_VALUE =
            Comparator.comparingInt((Integer i) -> i / 10).thenComparing(Comparator.reverseOrder());

    @Test
    void theFirstItemsOfAnOrderAreTheSortedListsFirstItemsForEveryLimit() {
        List<Integer> items = new Random(3).ints(5_000, 0, 1_000).boxed().toList();
        List<Integer> sorted = items.stream().sorted(BY_TENS_THEN_VALUE).toList();
        for (int limit : new int[] {0, 1, 10, 11, 100, 1_249, 1_250, 4_999, 5_000, 6_000}) {
            assertThat(TerritoryService.firstInOrder(items, BY_TENS_THEN_VALUE, limit)).as("limit " + limit)
                    .isEqualTo(sorted.subList(0, Math.min(limit, sorted.size())));
        }
    }

    @Test
    void aListShorterThanThePageIsSortedWhole() {
        List<Integer> items = IntStream.of(5, 3, 9).boxed().toList();
        assertThat(TerritoryService.firstInOrder(items, Comparator.naturalOrder(), 10)).containsExactly(3, 5, 9);
        assertThat(TerritoryService.firstInOrder(List.<Integer>of(), Comparator.naturalOrder(), 10)).isEmpty();
    }
}
