package fr.santegraph.ingest;

/** One kind of source that {@code santegraph import <name>} can load. */
public interface Importer {

    /** The name used on the command line, e.g. {@code territories}. */
    String name();

    /** One line of usage shown by {@code import --help}. */
    String usage();

    ImportSummary run(ImportRequest request) throws java.io.IOException;
}
