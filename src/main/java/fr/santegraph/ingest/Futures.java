package fr.santegraph.ingest;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Waiting for work an import runs on another thread, its failure rethrown as the import's own. */
public final class Futures {

    private Futures() {
    }

    /**
     * The result; a runtime failure is rethrown as it was, anything else as an {@link ImportFailedException} saying
     * {@code what} failed.
     */
    public static <T> T join(CompletableFuture<T> future, String what) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw unwrapped(e, what);
        }
    }

    /** The failure a {@link CompletionException} wraps, as {@link #join} rethrows it. */
    public static RuntimeException unwrapped(Throwable failure, String what) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new ImportFailedException(what + " failed: " + cause.getMessage(), cause);
    }
}
