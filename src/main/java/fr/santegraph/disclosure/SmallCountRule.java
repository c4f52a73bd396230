package fr.santegraph.disclosure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The French small-count rule, applied in this one place to every count the service publishes.
 * <p>
 * Primary masking: for a caller who may not see small counts, a count from 1 to {@code threshold - 1} is masked
 * (0 is published). Secondary masking: when a total is published with its parts, the masked parts must not be
 * recomputable by subtraction. A reader knows the masked parts add up to the total minus the published parts, and
 * that each is at least 1 (zeros are never masked); a masked part is therefore pinned down when it is the only one,
 * or when the masked parts add up to exactly their number (all ones). Enough other parts — the smallest first — are
 * masked until neither holds; when every part is masked and one still would be, the total is masked too.
 */
@Component
public class SmallCountRule {

    private final long threshold;

    public SmallCountRule(@Value("${santegraph.disclosure.threshold:11}") long threshold) {
        this.threshold = threshold;
    }

    public long threshold() {
        return threshold;
    }

    /** One count on its own (a total with no published parts, a filtered count). */
    public PublishedCount publish(long count, boolean callerSeesSmallCounts) {
        return callerSeesSmallCounts || !isSmall(count) ? PublishedCount.shown(count) : PublishedCount.MASKED;
    }

    boolean isSmall(long count) {
        return count > 0 && count < threshold;
    }

    /** Parts whose sum is published as a total next to them; the result says which parts and whether the total show. */
    public Table publishWithTotal(List<Long> parts, boolean callerSeesSmallCounts) {
        long total = parts.stream().mapToLong(Long::longValue).sum();
        if (callerSeesSmallCounts) {
            return new Table(parts.stream().map(PublishedCount::shown).toList(), PublishedCount.shown(total));
        }
        boolean[] masked = new boolean[parts.size()];
        for (int i = 0; i < parts.size(); i++) {
            masked[i] = isSmall(parts.get(i));
        }
        // Candidates for secondary masking, smallest first (ties by position, for stable answers).
        List<Integer> candidates = new ArrayList<>(IntStream.range(0, parts.size()).boxed()
                .filter(i -> parts.get(i) > 0)
                .sorted(Comparator.comparing((Integer i) -> parts.get(i)).thenComparing(i -> i))
                .toList());
        while (recomputable(parts, masked)) {
            Integer next = candidates.stream().filter(i -> !masked[i]).findFirst().orElse(null);
            if (next == null) {
                break;
            }
            masked[next] = true;
        }
        boolean totalMasked = isSmall(total) || recomputable(parts, masked);
        List<PublishedCount> published = new ArrayList<>(parts.size());
        for (int i = 0; i < parts.size(); i++) {
            published.add(masked[i] ? PublishedCount.MASKED : PublishedCount.shown(parts.get(i)));
        }
        return new Table(published, totalMasked ? PublishedCount.MASKED : PublishedCount.shown(total));
    }

    /** Whether some masked part can be worked out from the total and the published parts. */
    static boolean recomputable(List<Long> parts, boolean[] masked) {
        int maskedCount = 0;
        long maskedSum = 0;
        for (int i = 0; i < parts.size(); i++) {
            if (masked[i]) {
                maskedCount++;
                maskedSum += parts.get(i);
            }
        }
        return maskedCount == 1 || (maskedCount > 1 && maskedSum == maskedCount);
    }

    /** Parts and total as published. */
    public record Table(List<PublishedCount> parts, PublishedCount total) {
    }
}
