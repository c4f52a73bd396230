package fr.santegraph.suggestion;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** At most {@code limit} events per client in any sliding {@code window}; memory bounded by active clients. */
final class RateLimiter {

    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Long>> events = new ConcurrentHashMap<>();

    RateLimiter(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Records an event and returns 0, or returns the seconds to wait when the client is over its limit. */
    long acquire(String client) {
        long now = clock.millis();
        Deque<Long> times = events.computeIfAbsent(client, key -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= now - window.toMillis()) {
                times.pollFirst();
            }
            if (times.size() >= limit) {
                return Math.max(1, (times.peekFirst() + window.toMillis() - now + 999) / 1000);
            }
            times.addLast(now);
        }
        if (events.size() > 100_000) {
            events.entrySet().removeIf(entry -> entry.getValue().isEmpty());
        }
        return 0;
    }
}
