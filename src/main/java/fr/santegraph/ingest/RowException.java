package fr.santegraph.ingest;

/** A single bad row: reported with its file and line, the import goes on. */
public class RowException extends RuntimeException {

    public RowException(String reason) {
        super(reason, null, false, false);
    }
}
