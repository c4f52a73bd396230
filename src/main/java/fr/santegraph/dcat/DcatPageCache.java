package fr.santegraph.dcat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Written pages of {@code /catalog}, kept for a while: harvesters and mirrors read the same pages again and again,
 * a 500-entry page costs a few hundred milliseconds of queries and RDF writing, and a catalogue changes with imports
 * and editors' saves, not from one second to the next. A page is never older than {@code timeToLive}; the cache is
 * bounded by the bytes it holds, the least recently read pages going first.
 */
final class DcatPageCache {

    private record Key(int page, RdfFormat format) {
    }

    private record Entry(Instant writtenAt, byte[] body) {
    }

    private final Duration timeToLive;
    private final long maxBytes;
    private final Clock clock;
    private final LinkedHashMap<Key, Entry> pages = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    /** {@code timeToLive} zero or {@code maxBytes} 0: nothing is kept. */
    DcatPageCache(Duration timeToLive, long maxBytes, Clock clock) {
        this.timeToLive = timeToLive;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    boolean enabled() {
        return !timeToLive.isZero() && maxBytes > 0;
    }

    /** The page from the cache while it is fresh, else from {@code write} (outside the lock: two first readers may both write it). */
    byte[] page(int page, RdfFormat format, Supplier<byte[]> write) {
        if (!enabled()) {
            return write.get();
        }
        Key key = new Key(page, format);
        synchronized (this) {
            Entry entry = pages.get(key);
            if (entry != null && fresh(entry, clock.instant())) {
                return entry.body();
            }
        }
        Instant writtenAt = clock.instant();
        byte[] body = write.get();
        if (body.length <= maxBytes) {
            keep(key, new Entry(writtenAt, body));
        }
        return body;
    }

    private boolean fresh(Entry entry, Instant now) {
        return now.isBefore(entry.writtenAt().plus(timeToLive));
    }

    private synchronized void keep(Key key, Entry entry) {
        Entry old = pages.put(key, entry);
        if (old != null) {
            bytes -= old.body().length;
        }
        bytes += entry.body().length;
        // Expired pages go first, then the least recently read until the new one fits.
        Instant now = clock.instant();
        Iterator<Map.Entry<Key, Entry>> eldest = pages.entrySet().iterator();
        while (eldest.hasNext()) {
            Map.Entry<Key, Entry> next = eldest.next();
            if (!next.getKey().equals(key) && (!fresh(next.getValue(), now) || bytes > maxBytes)) {
                bytes -= next.getValue().body().length;
                eldest.remove();
            }
        }
    }

    synchronized long bytes() {
        return bytes;
    }

    synchronized int size() {
        return pages.size();
    }
}
