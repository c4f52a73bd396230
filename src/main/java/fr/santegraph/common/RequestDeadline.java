package fr.santegraph.common;

import java.util.OptionalInt;
import java.util.concurrent.Callable;

/**
 * The deadline of the API request the current thread is serving, so that a read started late is given only the
 * time left ({@link fr.santegraph.common.ReadTransaction}'s timeout is an upper bound, not a budget per query).
 */
public final class RequestDeadline {

    private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

    private RequestDeadline() {
    }

    /** Runs {@code work} with the request's deadline ({@link System#nanoTime()} based) known to the reads it makes. */
    public static <T> T within(long deadlineNanos, Callable<T> work) throws Exception {
        Long outer = DEADLINE.get();
        DEADLINE.set(deadlineNanos);
        try {
            return work.call();
        } finally {
            if (outer == null) {
                DEADLINE.remove();
            } else {
                DEADLINE.set(outer);
            }
        }
    }

    /** Whole seconds left before the deadline, at least 1 (the driver's granularity); empty outside a request. */
    public static OptionalInt secondsLeft() {
        Long deadline = DEADLINE.get();
        if (deadline == null) {
            return OptionalInt.empty();
        }
        long nanos = deadline - System.nanoTime();
        return OptionalInt.of((int) Math.max(1, Math.min(Integer.MAX_VALUE, (nanos + 999_999_999L) / 1_000_000_000L)));
    }
}
