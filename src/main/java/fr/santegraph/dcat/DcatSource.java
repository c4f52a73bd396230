package fr.santegraph.dcat;

import fr.santegraph.dcat.DcatRecords.Agent;
import fr.santegraph.dcat.DcatRecords.CatalogEntry;
import fr.santegraph.dcat.DcatRecords.DataService;
import fr.santegraph.dcat.DcatRecords.Dataset;
import fr.santegraph.dcat.DcatRecords.DatasetKind;
import fr.santegraph.dcat.DcatRecords.DatasetRef;
import fr.santegraph.dcat.DcatRecords.Series;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the exported catalogue is read from (the catalogue graph in Neo4j). Entries come in one stable order
 * (by a unique key) so that page N holds the same entries on every call and a walk sees each entry once.
 */
public interface DcatSource {

    /** Number of catalogue entries (datasets, indicators, data services). */
    long countEntries();

    /** Entries {@code [offset, offset+limit)} in the stable order. */
    List<CatalogEntry> entries(long offset, int limit);

    Optional<Dataset> dataset(DatasetKind kind, String id);

    Optional<DataService> service(String id);

    Optional<Series> series(String id);

    /** Up to {@code limit} members of a series, in the stable order. */
    List<DatasetRef> seriesMembers(String seriesId, int limit);

    Optional<Agent> agent(String id);

    /** The project's themes, by id: what {@code <base>/id/theme} lists. */
    default List<DcatRecords.Theme> themes() {
        return List.of();
    }

    /** The licences distributions name, each once. */
    default List<DcatRecords.Licence> licences() {
        return List.of();
    }

    /** Number of datasets the HealthDCAT-AP profile covers: those not open to all (non-public health data). */
    default long countHealthEntries() {
        return 0;
    }

    /** Those datasets {@code [offset, offset+limit)}, in the stable order. */
    default List<Dataset> healthEntries(long offset, int limit) {
        return List.of();
    }

    /** One of those datasets, when {@code id} is one. */
    default Optional<Dataset> healthDataset(String id) {
        return Optional.empty();
    }

    /** The tables of these datasets (by dataset id), as their published schemas describe them. */
    default Map<String, List<DcatRecords.TableSchema>> tables(Collection<String> datasetIds) {
        return Map.of();
    }

    /** Latest modification date of the catalogue's content, when the source knows it. */
    default Optional<LocalDate> lastModified() {
        return Optional.empty();
    }
}
