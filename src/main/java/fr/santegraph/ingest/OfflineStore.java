package fr.santegraph.ingest;

import java.nio.file.Path;

/**
 * A database that can be rebuilt offline by Neo4j's own importer: the embedded store of an import run from the
 * command line (the one exception to "every write through the driver", for a first load into an empty directory).
 * Absent when the service uses an external server or serves requests.
 */
public interface OfflineStore {

    /**
     * Replaces the default database by the one the importer builds from {@code files}, which must hold the whole
     * graph (see {@link GraphExport}). The constraints and indexes the database had are created again and
     * populated before this returns. The build runs beside the live database and only a complete one takes its
     * place: on any failure the database is left as it was.
     */
    void replaceDatabase(BulkImport files) throws Exception;

    /** Where the work folders of offline builds go (beside the store). */
    Path workFolder();
}
