package fr.santegraph.ingest;

/** A row that was not loaded, and why: enough to find and fix it in the source file. */
public record Rejection(String file, long line, String reason) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason;
    }
}
