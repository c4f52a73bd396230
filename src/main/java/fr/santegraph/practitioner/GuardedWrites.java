package fr.santegraph.practitioner;

import fr.santegraph.ingest.Futures;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The writes of a refresh, held back until the check that may refuse the file (the retirement limit, counted on
 * another thread while the file is read) has passed: nothing is written by a refused import, and an accepted one
 * does not wait for the check before reading on. Past {@code maxHeldRows} rows held, the writer waits for the check.
 * Used by one thread at a time (the writer, then the importer once the writer has finished).
 */
final class GuardedWrites {

    private final CompletableFuture<Void> check;
    private final long maxHeldRows;
    private final List<Runnable> held = new ArrayList<>();
    private long heldRows;
    private boolean passed;

    GuardedWrites(CompletableFuture<Void> check, long maxHeldRows) {
        this.check = check;
        this.maxHeldRows = maxHeldRows;
    }

    /** A check already passed (the file was checked before it was read). */
    static GuardedWrites open() {
        return new GuardedWrites(CompletableFuture.completedFuture(null), 0);
    }

    /** Runs {@code write} (of {@code rows} rows) now if the check has passed, else later, in order. */
    void write(long rows, Runnable write) {
        if (passed || check.isDone() && pass()) {
            write.run();
            return;
        }
        held.add(write);
        heldRows += rows;
        if (heldRows > maxHeldRows) {
            awaitCheck();
        }
    }

    /** Waits for the check, then runs the writes held so far; rethrows the check's refusal. */
    void awaitCheck() {
        if (!passed) {
            pass();
        }
    }

    private boolean pass() {
        Futures.join(check, "the check before writing");
        passed = true;
        for (Runnable write : held) {
            write.run();
        }
        held.clear();
        heldRows = 0;
        return true;
    }
}
