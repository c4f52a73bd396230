package fr.santegraph.dcat;

import fr.santegraph.dcat.DcatRecords.Agent;
import fr.santegraph.dcat.DcatRecords.CatalogEntry;
import fr.santegraph.dcat.DcatRecords.DataService;
import fr.santegraph.dcat.DcatRecords.Dataset;
import fr.santegraph.dcat.DcatRecords.DatasetKind;
import fr.santegraph.dcat.DcatRecords.DatasetRef;
import fr.santegraph.dcat.DcatRecords.Series;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/** A catalogue held in a list, for the endpoint tests that run without a graph. */
record ListDcatSource(List<CatalogEntry> entries) implements DcatSource {

    @Override
    public long countEntries() {
        return entries.size();
    }

    @Override
    public List<CatalogEntry> entries(long offset, int limit) {
        return entries.subList((int) Math.min(offset, entries.size()), (int) Math.min(offset + limit, entries.size()));
    }

    private Stream<Dataset> datasets() {
        return entries.stream().filter(Dataset.class::isInstance).map(Dataset.class::cast);
    }

    @Override
    public Optional<Dataset> dataset(DatasetKind kind, String id) {
        return datasets().filter(d -> d.kind() == kind && d.id().equals(id)).findFirst();
    }

    @Override
    public Optional<DataService> service(String id) {
        return entries.stream().filter(DataService.class::isInstance).map(DataService.class::cast)
                .filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public Optional<Series> series(String id) {
        return datasets().map(Dataset::series).filter(Objects::nonNull).filter(s -> s.id().equals(id)).findFirst();
    }

    @Override
    public List<DatasetRef> seriesMembers(String seriesId, int limit) {
        return datasets().filter(d -> d.series() != null && d.series().id().equals(seriesId)).limit(limit).map(Dataset::ref).toList();
    }

    @Override
    public Optional<Agent> agent(String id) {
        return datasets().flatMap(d -> Stream.of(d.publisher(), d.creator())).filter(Objects::nonNull)
                .filter(a -> a.id().equals(id)).findFirst();
    }
}
