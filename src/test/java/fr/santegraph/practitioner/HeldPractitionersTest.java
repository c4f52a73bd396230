package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.practitioner.PractitionerWriter.Held;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class HeldPractitionersTest {

    private static final List<Held> GRAPH = List.of(new Held("0010001949", 1, true, true), new Held("81", 2, false, true),
            new Held("810", 3, true, false), new Held("8100", 4, true, true), new Held("82", 5, true, true));

    /** The graph's rows in pages of {@code page}, as the index returns them. */
    private static HeldPractitioners.Pages pages(List<Held> rows) {
        return (after, limit) -> rows.stream().filter(row -> row.id().compareTo(after) > 0).limit(limit).toList();
    }

    @Test
    void slicesAreTheIdentifiersOfARangeWhateverThePageSize() {
        for (int page : new int[] {1, 2, 5, 100}) {
            HeldPractitioners held = HeldPractitioners.load(pages(GRAPH), page, 100);
            assertThat(held.size()).isEqualTo(5);
            assertThat(held.between("", null)).isEqualTo(GRAPH);
            assertThat(held.between("81", "8100")).extracting(Held::id).containsExactly("810", "8100");
            assertThat(held.between("0", "81")).extracting(Held::id).containsExactly("0010001949", "81");
            assertThat(held.between("8100", null)).extracting(Held::id).containsExactly("82");
            assertThat(held.between("82", null)).isEmpty();
            assertThat(held.between("811", "819")).isEmpty();
        }
    }

    @Test
    void countsTheActivePractitionersOfTheScopeTheFileNoLongerLists() {
        HeldPractitioners held = HeldPractitioners.load(pages(GRAPH), 2, 100);
        // Active and in scope: 0010001949, 8100, 82; of them, 82 is not listed.
        Set<String> listed = Set.of("0010001949", "8100");
        assertThat(held.activeAndAbsent((utf8, from, to) -> listed.contains(new String(utf8, from, to - from,
                StandardCharsets.UTF_8)))).containsExactly(3L, 1L);
    }

    @Test
    void nothingIsHeldPastTheBoundOrOutOfByteOrder() {
        assertThat(HeldPractitioners.load(pages(GRAPH), 2, 4)).isNull();
        List<Held> outOfOrder = new ArrayList<>(GRAPH);
        outOfOrder.add(new Held("0", 6, true, true));
        assertThat(HeldPractitioners.load((after, limit) -> after.isEmpty() ? outOfOrder : List.of(), 100, 100)).isNull();
        assertThat(HeldPractitioners.load(pages(List.of()), 10, 100).size()).isZero();
    }

    @Test
    void aSliceWaitsUntilTheReadHasPassedItsEndWhileTheReadGoesOn() throws Exception {
        Semaphore pagesAllowed = new Semaphore(0);
        HeldPractitioners.Pages gated = (after, limit) -> {
            pagesAllowed.acquireUninterruptibly();
            return pages(GRAPH).after(after, limit);
        };
        HeldPractitioners held = new HeldPractitioners();
        Thread reading = new Thread(() -> held.read(gated, 2, 100));
        reading.start();
        var firstSlice = CompletableFuture.supplyAsync(() -> held.between("", "81"));
        var lastSlice = CompletableFuture.supplyAsync(() -> held.between("8100", null));

        pagesAllowed.release(); // first page: 0010001949, 81
        assertThat(firstSlice.get(5, TimeUnit.SECONDS)).extracting(Held::id)
                .containsExactly("0010001949", "81");
        Thread.sleep(100);
        assertThat(lastSlice).as("the end of the index is not read yet").isNotDone();

        pagesAllowed.release(2); // 810, 8100 then 82, and the short last page
        pagesAllowed.release(1);
        assertThat(lastSlice.get(5, TimeUnit.SECONDS)).extracting(Held::id).containsExactly("82");
        reading.join(5_000);
        assertThat(held.awaitComplete()).isTrue();
    }

    @Test
    void anAbandonedReadAnswersNullSlicesSoTheGraphIsReadInstead() {
        HeldPractitioners held = new HeldPractitioners();
        held.read(pages(GRAPH), 2, 3);

        assertThat(held.between("", "81")).isNull();
        assertThat(held.awaitComplete()).isFalse();
    }

    @Test
    void aFailedReadFailsTheSlicesWaitingForIt() {
        HeldPractitioners held = new HeldPractitioners();
        IllegalStateException down = new IllegalStateException("database unavailable");
        Assertions.assertThatThrownBy(() -> held.read((after, limit) -> {
            throw down;
        }, 2, 100)).isSameAs(down);

        Assertions.assertThatThrownBy(() -> held.between("", "81")).isSameAs(down);
    }
}
