package fr.santegraph.dcat;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.support.ManualClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
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
        DcatPageCache cache = new DcatPageCache(Duration.ofSeconds(60), 1024, clock);
        assertThat(text(cache.page(1, RdfFormat.TURTLE, writer("first")))).isEqualTo("first");
        clock.advance(Duration.ofSeconds(59));
        assertThat(text(cache.page(1, RdfFormat.TURTLE, writer("second")))).isEqualTo("first");
        assertThat(writes).hasValue(1);
        assertThat(text(cache.page(1, RdfFormat.JSON_LD, writer("json")))).isEqualTo("json");
        assertThat(text(cache.page(2, RdfFormat.TURTLE, writer("page 2")))).isEqualTo("page 2");
        assertThat(writes).hasValue(3);
    }

    @Test
    void aPageOlderThanItsTimeToLiveIsWrittenAgainAndExpiredOnesAreDropped() {
        DcatPageCache cache = new DcatPageCache(Duration.ofSeconds(60), 1024, clock);
        cache.page(1, RdfFormat.TURTLE, writer("one"));
        cache.page(2, RdfFormat.TURTLE, writer("two"));
        clock.advance(Duration.ofSeconds(60));
        assertThat(text(cache.page(1, RdfFormat.TURTLE, writer("one, later")))).isEqualTo("one, later");
        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.bytes()).isEqualTo("one, later".length());
    }

    @Test
    void theLeastRecentlyReadPagesGoWhenTheBytesRunOut() {
        DcatPageCache cache = new DcatPageCache(Duration.ofSeconds(60), 10, clock);
        cache.page(1, RdfFormat.TURTLE, writer("aaaa"));
        cache.page(2, RdfFormat.TURTLE, writer("bbbb"));
        cache.page(1, RdfFormat.TURTLE, writer("not written"));
        cache.page(3, RdfFormat.TURTLE, writer("cccc"));
        assertThat(cache.bytes()).isLessThanOrEqualTo(10);
        writes.set(0);
        cache.page(1, RdfFormat.TURTLE, writer("aaaa"));
        cache.page(2, RdfFormat.TURTLE, writer("bbbb"));
        assertThat(writes).as("page 1, read recently, stayed; page 2 went").hasValue(1);
    }

    @Test
    void nothingIsKeptWhenTurnedOffOrTooLarge() {
        DcatPageCache off = new DcatPageCache(Duration.ZERO, 1024, clock);
        off.page(1, RdfFormat.TURTLE, writer("x"));
        off.page(1, RdfFormat.TURTLE, writer("x"));
        DcatPageCache small = new DcatPageCache(Duration.ofSeconds(60), 3, clock);
        small.page(1, RdfFormat.TURTLE, writer("four"));
        small.page(1, RdfFormat.TURTLE, writer("four"));
        assertThat(writes).hasValue(4);
        assertThat(off.size()).isZero();
        assertThat(small.size()).isZero();
    }
}
