package fr.santegraph.dcat;

import fr.santegraph.dcat.DcatRecords.Catalog;
import fr.santegraph.dcat.DcatRecords.CatalogEntry;
import fr.santegraph.dcat.DcatRecords.Dataset;
import fr.santegraph.dcat.DcatRecords.DatasetKind;
import fr.santegraph.dcat.DcatRecords.Page;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.RDFNode;

/**
 * Builds the RDF of one catalogue page or one object. A page reads only its own entries from the source, so a
 * harvester walking the whole catalogue costs one page of memory at a time.
 */
public class DcatExporter {

    private final DcatSource source;
    private final DcatMapper mapper;
    private final DcatProperties properties;

    public DcatExporter(DcatSource source, DcatMapper mapper, DcatProperties properties) {
        this.source = source;
        this.mapper = mapper;
        this.properties = properties;
    }

    public DcatMapper mapper() {
        return mapper;
    }

    public int pageSize() {
        return properties.pageSize();
    }

    public int lastPage() {
        return Page.lastPage(source.countEntries(), properties.pageSize());
    }

    /** Page {@code number} (from 1); a number outside {@code 1..lastPage} is the caller's error. */
    public Model page(int number) {
        return mapper.page(catalog(), page(number, source.countEntries(), source::entries));
    }

    /** Page {@code number} of the HealthDCAT-AP view: the datasets not open to all ({@link HealthDcatProfile}). */
    public Model healthPage(int number) {
        Page page = page(number, source.countHealthEntries(), (offset, limit) -> List.copyOf(source.healthEntries(offset, limit)));
        return new HealthDcatProfile(mapper).page(catalog(), page,
                source.tables(page.entries().stream().map(e -> ((Dataset) e).id()).toList()));
    }

    /** The entries of page {@code number} of a list of {@code total}, read by {@code entries(offset, limit)}. */
    private Page page(int number, long total, BiFunction<Long, Integer, List<CatalogEntry>> entries) {
        int last = Page.lastPage(total, properties.pageSize());
        if (number < 1 || number > last) {
            throw new IllegalArgumentException("page " + number + " does not exist: pages run from 1 to " + last);
        }
        long offset = (long) (number - 1) * properties.pageSize();
        return new Page(number, properties.pageSize(), total, entries.apply(offset, properties.pageSize()));
    }

    public Catalog catalog() {
        return new Catalog(properties.title(), properties.description(),
                properties.publisher(),
                properties.homepage(), source.lastModified().orElse(null));
    }

    /** The RDF of the object {@code /id/{type}/{id}} names, or empty when there is none. */
    public Optional<Model> object(String type, String id) {
        return switch (type) {
            case DcatUris.DATASET -> source.dataset(DatasetKind.DATASET, id).map(mapper::dataset);
            case DcatUris.INDICATOR -> source.dataset(DatasetKind.INDICATOR, id).map(mapper::dataset);
            case DcatUris.SERVICE -> source.service(id).map(mapper::service);
            case DcatUris.SERIES -> source.series(id).map(s -> mapper.series(s, source.seriesMembers(id, properties.pageSize())));
            // The producers, and the catalogue's own publisher.
            case DcatUris.AGENT -> source.agent(id).or(() -> Optional.of(catalog().publisher()).filter(p -> p.id().equals(id)))
                    .map(mapper::agent);
            case DcatUris.THEME -> source.themes().stream().filter(t -> t.id().equals(id)).findFirst().map(mapper::theme);
            case DcatUris.LICENCE -> source.licences().stream().filter(l -> l.id().equals(id)).findFirst().map(mapper::licence);
            case HealthDcatProfile.HEALTH_CATEGORY, HealthDcatProfile.DATASET_TYPE -> new HealthDcatProfile(mapper).concept(type, id);
            default -> Optional.empty();
        };
    }

    /**
     * The HealthDCAT-AP view's description of the object: a covered dataset with its provenance, access distribution
     * and tables; a publisher with the contact point the view gives it. Empty for anything else.
     */
    private Optional<Model> healthObject(String type, String id) {
        HealthDcatProfile profile = new HealthDcatProfile(mapper);
        return switch (type) {
            case DcatUris.DATASET -> source.healthDataset(id)
                    .map(d -> profile.dataset(d, source.tables(List.of(id)).getOrDefault(id, List.of())));
            case DcatUris.AGENT -> source.agent(id).map(profile::agent);
            default -> Optional.empty();
        };
    }

    /** The project's theme scheme with every theme in it: what {@code <base>/id/theme} answers. */
    public Model themeScheme() {
        return mapper.themeScheme(source.themes());
    }

    /**
     * A part of an object ({@code /id/dataset/x/distribution/y}, {@code …/temporal}, {@code …/contact}): its owner's
     * description, which describes it, when it does; else empty.
     */
    public Optional<Model> part(String type, String id, String partUri) {
        return object(type, id).filter(model -> describes(model, partUri))
                .or(() -> healthObject(type, id).filter(model -> describes(model, partUri)));
    }

    private static boolean describes(Model model, String uri) {
        return model.listStatements(model.getResource(uri), null, (RDFNode) null).hasNext();
    }
}
