package fr.santegraph.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import org.springframework.lang.Nullable;

/**
 * Answers kept for a while: each is valid for the graph version it was computed at (see {@link GraphVersion}) and for
 * at most {@code timeToLive}. A new version drops every kept answer at once; when the estimated memory exceeds
 * {@code maxBytes}, the least recently read go first.
 */
public final class AnswerCache<K, V> {

    private record Entry<V>(V value, long bytes, Instant computedAt) {
    }

    private final long maxBytes;
    private final Duration timeToLive;
    private final Clock clock;
    private final ToLongFunction<K> keyBytes;
    private final ToLongFunction<V> valueBytes;
    private final LinkedHashMap<K, Entry<V>> answers = new LinkedHashMap<>(256, 0.75f, true);
    private OptionalLong version = OptionalLong.empty();
    private long bytes;

    /** {@code maxBytes} or {@code timeToLive} zero: nothing is kept. */
    public AnswerCache(long maxBytes, Duration timeToLive, Clock clock, ToLongFunction<K> keyBytes,
                       ToLongFunction<V> valueBytes) {
        this.maxBytes = maxBytes;
        this.timeToLive = timeToLive;
        this.clock = clock;
        this.keyBytes = keyBytes;
        this.valueBytes = valueBytes;
    }

    public boolean enabled() {
        return maxBytes > 0 && !timeToLive.isZero() && !timeToLive.isNegative();
    }

    /** The answer kept for {@code key} if it was computed at {@code current} and is younger than the time to live. */
    public synchronized @Nullable V get(K key, OptionalLong current) {
        if (!current.equals(version)) {
            return null;
        }
        Entry<V> entry = answers.get(key);
        if (entry != null && !fresh(entry, clock.instant())) {
            answers.remove(key);
            bytes -= entry.bytes();
            return null;
        }
        return entry == null ? null : entry.value();
    }

    /**
     * Keeps an answer computed from the graph at version {@code computedAt} (read before the query ran: a write
     * during the query makes the version move on, so the answer is never served for the new graph), from
     * {@code startedAt}.
     */
    public synchronized void put(K key, OptionalLong computedAt, V value, Instant startedAt) {
        if (!computedAt.equals(version)) {
            // A newer graph than every kept answer (or an answer computed before the last change): start afresh.
            answers.clear();
            bytes = 0;
            version = computedAt;
        }
        long size = keyBytes.applyAsLong(key) + valueBytes.applyAsLong(value);
        if (size > maxBytes) {
            return;
        }
        Entry<V> old = answers.put(key, new Entry<>(value, size, startedAt));
        bytes += size - (old == null ? 0 : old.bytes());
        // From the least recently read: expired answers go, and others until the memory bound is met.
        Instant now = clock.instant();
        Iterator<Entry<V>> eldest = answers.values().iterator();
        while (eldest.hasNext()) {
            Entry<V> next = eldest.next();
            if (bytes <= maxBytes && fresh(next, now)) {
                break;
            }
            bytes -= next.bytes();
            eldest.remove();
        }
    }

    private boolean fresh(Entry<V> entry, Instant now) {
        return now.isBefore(entry.computedAt().plus(timeToLive));
    }

    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return answers.size();
    }

    /** Rough heap size of JSON-like data (maps, lists, strings, numbers), enough to bound a cache. */
    public static long estimatedBytes(Object value) {
        if (value == null) {
            return 0;
        }
        if (value instanceof CharSequence text) {
            return 40 + text.length();
        }
        if (value instanceof Map<?, ?> map) {
            long size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 40 + estimatedBytes(entry.getKey()) + estimatedBytes(entry.getValue());
            }
            return size;
        }
        if (value instanceof Iterable<?> items) {
            long size = 40;
            for (Object item : items) {
                size += 8 + estimatedBytes(item);
            }
            return size;
        }
        return 24;
    }
}
