package fr.santegraph.ingest;

/**
 * Published once an import of {@code source} has written its data (and only then: a refused or failed run publishes
 * nothing), for what the graph derives from it to be computed again in the same run. {@code changed}: whether the
 * run created, updated or retired anything (a refresh with the same file does not).
 */
public record SourceImported(String source, boolean changed) {

    /** The practitioners' directory (RPPS extraction). */
    public static final String PRACTITIONERS = "practitioners";
    /** The territories (COG) and their populations. */
    public static final String TERRITORIES = "territories";
}
