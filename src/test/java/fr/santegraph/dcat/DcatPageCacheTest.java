package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.support.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class DcatPageCacheTest {

    private final AtomicInteger writes = new AtomicInteger();
    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-23T12:00:00Z"));

    private Supplier<byte[]> writer(String text) {
        return () -> {
            writes.incrementAndGet();
            return text.getBytes(StandardCharsets.UTF_8);
        };
    }

    private static String text(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void aPageIsWrittenOncePerFormatWhileItIsFresh() {
        DcatPageCache cache = new DcatPageCache(Duration.ofSeconds(60), 1024, null, clock);
        assertThat(text(cache.page("", 1, RdfFormat.TURTLE, writer("first")))).isEqualTo("first");
        clock.advance(Duration.ofSeconds(59));
        assertThat(text(cache.page("", 1, RdfFormat.TURTLE, writer("second")))).isEqualTo("first");
        assertThat(writes).hasValue(1);
        assertThat(text(cache.page("", 1, RdfFormat.JSON_LD, writer("json")))).isEqualTo("json");
        assertThat(text(cache.page("", 2, RdfFormat.TURTLE, writer("page 2")))).isEqualTo("page 2");
        assertThat(writes).hasValue(3);
    }

    @Test
    void aPageOlderThanItsTimeToLiveIsWrittenAgainAndExpiredOnesAreDropped() {
        DcatPageCache cache = new DcatPageCache(Duration.ofSeconds(60), 1024, null, clock);
        cache.page("", 1, RdfFormat.TURTLE, writer("one"));
        cache.page("", 2, RdfFormat.TURTLE, writer("two"));
        clock.advance(Duration.ofSeconds(60));
        assertThat(text(cache.page("", 1, RdfFormat.TURTLE, writer("one, later")))).isEqualTo("one, later");
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo("one, later".length());
    }

    @Test
    void theLeastRecentlyReadPagesGoWhenTheBytesRunOut() {
        DcatPageCache cache = new DcatPageCache(Duration.ofSeconds(60), 10, null, clock);
        cache.page("", 1, RdfFormat.TURTLE, writer("aaaa"));
        cache.page("", 2, RdfFormat.TURTLE, writer("bbbb"));
        cache.page("", 1, RdfFormat.TURTLE, writer("not written"));
        cache.page("", 3, RdfFormat.TURTLE, writer("cccc"));
        assertThat(cache.bytes()).isLessThanOrEqualTo(10);
        writes.set(0);
        cache.page("", 1, RdfFormat.TURTLE, writer("aaaa"));
        cache.page("", 2, RdfFormat.TURTLE, writer("bbbb"));
        assertThat(writes).as("page 1, read recently, stayed; page 2 went").hasValue(1);
    }

    @Test
    void nothingIsKeptWhenTurnedOffOrTooLarge() {
        DcatPageCache off = new DcatPageCache(Duration.ZERO, 1024, null, clock);
        off.page("", 1, RdfFormat.TURTLE, writer("x"));
        off.page("", 1, RdfFormat.TURTLE, writer("x"));
        DcatPageCache small = new DcatPageCache(Duration.ofSeconds(60), 3, null, clock);
        small.page("", 1, RdfFormat.TURTLE, writer("four"));
        small.page("", 1, RdfFormat.TURTLE, writer("four"));
        assertThat(writes).hasValue(4);
        assertThat(off.size()).isZero();
        assertThat(small.size()).isZero();
    }

    @Test
    void withAKnownGraphVersionAPageIsKeptUntilTheGraphChanges() {
        AtomicLong graph = new AtomicLong(1);
        DcatPageCache cache = new DcatPageCache(Duration.ofSeconds(60), 1024, () -> OptionalLong.of(graph.get()), clock);
        cache.page("", 1, RdfFormat.TURTLE, writer("before"));
        clock.advance(Duration.ofHours(1));
        assertThat(text(cache.page("", 1, RdfFormat.TURTLE, writer("not written")))).as("kept past its time to live")
                .isEqualTo("before");
        graph.incrementAndGet();
        assertThat(text(cache.page("", 1, RdfFormat.TURTLE, writer("after")))).isEqualTo("after");
        assertThat(writes).hasValue(2);
    }

    @Test
    void readersArrivingWhileAPageIsWrittenWaitForThatOneWriting() throws Exception {
        DcatPageCache cache = new DcatPageCache(Duration.ofSeconds(60), 1024, null, clock);
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Supplier<byte[]> slow = () -> {
            writes.incrementAndGet();
            writing.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "page".getBytes(StandardCharsets.UTF_8);
        };
        ExecutorService readers = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> answers = new ArrayList<>();
            answers.add(readers.submit(() -> cache.page("", 1, RdfFormat.TURTLE, slow)));
            writing.await();
            for (int i = 0; i < 7; i++) {
                answers.add(readers.submit(() -> cache.page("", 1, RdfFormat.TURTLE, slow)));
            }
            Thread.sleep(100); // let the seven reach the cache while the first is still writing
            release.countDown();
            for (Future<byte[]> answer : answers) {
                assertThat(text(answer.get(10, TimeUnit.SECONDS))).isEqualTo("page");
            }
        } finally {
            readers.shutdownNow();
        }
        assertThat(writes).hasValue(1);
    }

    @Test
    void aFailedWritingFailsEveryReaderWaitingForItAndIsNotKept() {
        DcatPageCache cache = new DcatPageCache(Duration.ofSeconds(60), 1024, null, clock);
        Supplier<byte[]> outOfRange = () -> {
            throw new IllegalArgumentException("page 9 is past the last page, 3");
        };
        assertThatThrownBy(() -> cache.page("", 9, RdfFormat.TURTLE, outOfRange)).isInstanceOf(IllegalArgumentException.class);
        assertThat(cache.size()).isZero();
    }
}
