package fr.santegraph.ingest;

import org.springframework.lang.Nullable;

/** A single bad row: reported with its file and line, the import goes on. */
public class RowException extends RuntimeException {

    public RowException(@Nullable String reason) {
        super(reason, null, false, false);
    }
}
