package fr.santegraph.ingest;

import org.springframework.lang.Nullable;

/** A row that was not loaded, and why: enough to find and fix it in the source file. */
public record Rejection(String file, long line, @Nullable String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
