package fr.santegraph.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SmallCountRuleTest {

    private final SmallCountRule rule = new SmallCountRule(11);

    @Test
    void masksOneToTenForAnonymousCallersButNotZeroOrEleven() {
        assertThat(rule.publish(0, false)).isEqualTo(PublishedCount.shown(0));
        assertThat(rule.publish(1, false)).isEqualTo(PublishedCount.MASKED);
        assertThat(rule.publish(10, false)).isEqualTo(PublishedCount.MASKED);
        assertThat(rule.publish(11, false)).isEqualTo(PublishedCount.shown(11));
    }

    @Test
    void institutionalCallersSeeEveryCount() {
        assertThat(rule.publish(3, true)).isEqualTo(PublishedCount.shown(3));
        assertThat(rule.publishWithTotal(List.of(3L, 40L), true).parts())
                .containsExactly(PublishedCount.shown(3), PublishedCount.shown(40));
    }

    @Test
    void aSingleSmallPartNextToAPublishedTotalTakesTheNextSmallestPartWithIt() {
        SmallCountRule.Table table = rule.publishWithTotal(List.of(120L, 4L, 35L, 60L), false);

        assertThat(table.total()).isEqualTo(PublishedCount.shown(219));
        assertThat(table.parts()).containsExactly(PublishedCount.shown(120), PublishedCount.MASKED,
                PublishedCount.MASKED, PublishedCount.shown(60));
    }

    @Test
    void twoMaskedOnesWouldBeRecomputableSoAThirdPartIsMasked() {
        SmallCountRule.Table table = rule.publishWithTotal(List.of(1L, 1L, 50L, 70L), false);

        assertThat(table.parts()).containsExactly(PublishedCount.MASKED, PublishedCount.MASKED, PublishedCount.MASKED,
                PublishedCount.shown(70));
    }

    /**
     * Every table of up to three parts with values 0–12, and random tables of four to five parts: whatever is
     * published, each masked part must have at least two values consistent with it (brute force over all fillings
     * of the masked cells with positive integers adding up to the published total).
     */
    @Test
    void noMaskedPartCanBeRecomputedFromWhatIsPublished() {
        List<List<Long>> tables = new ArrayList<>();
        for (int a = 0; a <= 12; a++) {
            tables.add(List.of((long) a));
            for (int b = 0; b <= 12; b++) {
                tables.add(List.of((long) a, (long) b));
                for (int c = 0; c <= 12; c++) {
                    tables.add(List.of((long) a, (long) b, (long) c));
                }
            }
        }
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            List<Long> table = new ArrayList<>();
            for (int j = 0, n = 4 + random.nextInt(2); j < n; j++) {
                table.add((long) (random.nextInt(3) == 0 ? random.nextInt(40) : random.nextInt(11)));
            }
            tables.add(table);
        }
        for (List<Long> parts : tables) {
            SmallCountRule.Table published = rule.publishWithTotal(parts, false);
            assertThat(unresolvable(published, parts))
                    .as("table %s published as %s", parts, published).isTrue();
            for (int i = 0; i < parts.size(); i++) {
                if (rule.isSmall(parts.get(i))) {
                    assertThat(published.parts().get(i).masked()).as("small part of %s", parts).isTrue();
                }
            }
        }
    }

    /** True when each masked part takes at least two values over all fillings consistent with the published cells. */
    private static boolean unresolvable(SmallCountRule.Table published, List<Long> parts) {
        List<Integer> masked = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (published.parts().get(i).masked()) {
                masked.add(i);
            }
        }
        if (masked.isEmpty() || published.total().masked()) {
            // No total ties the masked parts together: each is anywhere from 1 to 10 at least.
            return true;
        }
        long remainder = published.total().value();
        for (int i = 0; i < parts.size(); i++) {
            if (!published.parts().get(i).masked()) {
                remainder -= published.parts().get(i).value();
            }
        }
        List<Set<Long>> seen = new ArrayList<>();
        masked.forEach(i -> seen.add(new HashSet<>()));
        fill(new long[masked.size()], 0, remainder, seen);
        return seen.stream().allMatch(values -> values.size() >= 2);
    }

    private static void fill(long[] values, int index, long remainder, List<Set<Long>> seen) {
        if (index == values.length - 1) {
            if (remainder >= 1) {
                values[index] = remainder;
                for (int i = 0; i < values.length; i++) {
                    seen.get(i).add(values[i]);
                }
            }
            return;
        }
        for (long v = 1; v <= remainder - (values.length - index - 1); v++) {
            values[index] = v;
            fill(values, index + 1, remainder - v, seen);
        }
    }
}
