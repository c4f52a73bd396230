package fr.santegraph.dcat;

import fr.santegraph.common.AnswerCache;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Written pages of {@code /catalog}, kept for a while: harvesters and mirrors read the same pages again and again,
 * a 500-entry page costs a few hundred milliseconds of queries and RDF writing, and a catalogue changes with imports
 * and editors' saves, not from one second to the next. A page is never older than {@code timeToLive} (also the
 * max-age sent to harvesters, so the graph version is not needed); the cache is bounded by the bytes it holds, the
 * least recently read pages going first.
 */
final class DcatPageCache {

    private static final OptionalLong ANY_VERSION = OptionalLong.of(0);

    private record Key(int page, RdfFormat format) {
    }

    private final AnswerCache<Key, byte[]> pages;
    private final Clock clock;

    /** {@code timeToLive} zero or {@code maxBytes} 0: nothing is kept. */
    DcatPageCache(Duration timeToLive, long maxBytes, Clock clock) {
        this.pages = new AnswerCache<>(maxBytes, timeToLive, clock, key -> 0, body -> body.length);
        this.clock = clock;
    }

    boolean enabled() {
        return pages.enabled();
    }

    /** The page from the cache while it is fresh, else from {@code write} (outside the lock: two first readers may both write it). */
    byte[] page(int page, RdfFormat format, Supplier<byte[]> write) {
        if (!enabled()) {
            return write.get();
        }
        Key key = new Key(page, format);
        byte[] kept = pages.get(key, ANY_VERSION);
        if (kept != null) {
            return kept;
        }
        Instant writtenAt = clock.instant();
        byte[] body = write.get();
        pages.put(key, ANY_VERSION, body, writtenAt);
        return body;
    }

    long bytes() {
        return pages.bytes();
    }

    int size() {
        return pages.size();
    }
}
