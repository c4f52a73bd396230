package fr.santegraph.ingest;

/** A source that cannot be read at all (missing file, wrong encoding or header, broken JSON): nothing sensible can load. */
public class ImportFailedException extends RuntimeException {

    public ImportFailedException(String message) {
        super(message);
    }

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
