package fr.santegraph.dcat;

import fr.santegraph.common.AnswerCache;
import fr.santegraph.common.GraphVersion;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Written pages of {@code /catalog}, kept for a while: harvesters and mirrors read the same pages again and again,
 * a 500-entry page costs a few hundred milliseconds of queries and RDF writing, and a catalogue changes with imports
 * and editors' saves, not from one second to the next. Where the {@link GraphVersion} is known (embedded database)
 * a page is kept until the graph changes; otherwise for {@code timeToLive}, the max-age also sent to harvesters. The
 * cache is bounded by the bytes it holds, the least recently read pages going first. A page missing from the cache is
 * written once however many readers ask for it meanwhile: they wait for that one.
 */
final class DcatPageCache {

    /** Without a graph version (external database) pages are kept for their time to live only. */
    private static final GraphVersion UNKNOWN = () -> OptionalLong.of(0);
    /** With one, until the graph changes: a bound only so that the age arithmetic cannot overflow. */
    private static final Duration UNTIL_THE_GRAPH_CHANGES = Duration.ofDays(366);

    /** {@code view}: "" for the catalogue as DCAT-AP, else the profile it is shown in. */
    private record Key(String view, int page, RdfFormat format) {
    }

    private final AnswerCache<Key, byte[]> pages;
    private final GraphVersion version;
    private final Clock clock;
    private final ConcurrentHashMap<Key, CompletableFuture<byte[]>> writing = new ConcurrentHashMap<>();

    /** {@code timeToLive} zero or {@code maxBytes} 0: nothing is kept. */
    DcatPageCache(Duration timeToLive, long maxBytes, GraphVersion version, Clock clock) {
        Duration kept = version == null || timeToLive.isZero() ? timeToLive : UNTIL_THE_GRAPH_CHANGES;
        this.pages = new AnswerCache<>(maxBytes, kept, clock, key -> 0, body -> body.length);
        this.version = version == null ? UNKNOWN : version;
        this.clock = clock;
    }

    boolean enabled() {
        return pages.enabled();
    }

    /**
     * A page of one view of the catalogue ({@code ""}: DCAT-AP; else a profile's) from the cache while it is fresh,
     * else from {@code write}, called by one reader of the page at a time.
     */
    byte[] page(String view, int page, RdfFormat format, Supplier<byte[]> write) {
        OptionalLong current = version.current();
        if (!enabled() || current.isEmpty()) {
            return write.get();
        }
        Key key = new Key(view, page, format);
        byte[] kept = pages.get(key, current);
        if (kept != null) {
            return kept;
        }
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> theirs = writing.putIfAbsent(key, mine);
        if (theirs != null) {
            return join(theirs);
        }
        try {
            Instant writtenAt = clock.instant();
            byte[] body = write.get();
            pages.put(key, current, body, writtenAt);
            mine.complete(body);
            return body;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            writing.remove(key, mine);
        }
    }

    private static byte[] join(CompletableFuture<byte[]> written) {
        try {
            return written.join();
        } catch (CompletionException e) {
            // The writer's own failure (a page number out of range, the database gone), for this reader too.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    long bytes() {
        return pages.bytes();
    }

    int size() {
        return pages.size();
    }
}
