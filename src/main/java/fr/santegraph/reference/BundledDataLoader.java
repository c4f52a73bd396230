package fr.santegraph.reference;

import fr.santegraph.catalogue.CatalogueReferenceImporter;
import fr.santegraph.catalogue.CatalogueSortKeys;
import fr.santegraph.catalogue.ProducerDirectory;
import fr.santegraph.dataset.EtalabCartographyImporter;
import fr.santegraph.dataset.SndsSchemaImporter;
import fr.santegraph.indicator.DreesIndicatorImporter;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.RetirementLimit;
import fr.santegraph.ingest.SourceEditions;
import fr.santegraph.ingest.StagedFolder;
import fr.santegraph.territory.TerritoryImporter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.core.annotation.Order;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Loads the reference data shipped in the jar ({@link BundledSources}) when the graph does not hold it yet: the
 * first start of a fresh install gets the whole reference graph; a later start loads only a source whose bundled
 * copy changed (a newer COG edition is then applied as {@code import territories --edition <year>} would, retirement
 * limit included), and never overwrites a user's import of the same or a newer edition. Until it is done the
 * {@link LoadingGate} answers 503 and the health component {@code bundledData} is OUT_OF_SERVICE.
 */
@Component("bundledData")
@Order(10)
public class BundledDataLoader implements ApplicationRunner, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(BundledDataLoader.class);

    /** What a start did with one source. */
    public record Outcome(String source, String edition, String action, @Nullable ImportSummary summary) {
    }

    private final SourceEditions editions;
    private final TerritoryImporter territories;
    private final CatalogueReferenceImporter catalogue;
    private final EtalabCartographyImporter etalab;
    private final DreesIndicatorImporter indicators;
    private final SndsSchemaImporter snds;
    private final BundledSources bundle;
    private final boolean enabled;
    private final List<String> only;
    private final RetirementLimit retirementLimit;
    private final CatalogueSortKeys sortKeys;
    private final List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean loading;
    private volatile String current = "";
    private volatile int total;

    public BundledDataLoader(SourceEditions editions, TerritoryImporter territories, CatalogueReferenceImporter catalogue,
                             EtalabCartographyImporter etalab, DreesIndicatorImporter indicators, SndsSchemaImporter snds,
                             CatalogueSortKeys sortKeys,
                             @Value("${santegraph.bundled.location:" + BundledSources.DEFAULT_LOCATION + "}") String location,
                             @Value("${santegraph.bundled.load-on-start:true}") boolean enabled,
                             @Value("${santegraph.bundled.sources:}") List<String> only,
                             @Value("${santegraph.bundled.max-retired-share:" + RetirementLimit.DEFAULT_SHARE + "}") double maxRetiredShare) {
        this.bundle = new BundledSources(location);
        this.retirementLimit = new RetirementLimit(maxRetiredShare, false);
        this.editions = editions;
        this.territories = territories;
        this.catalogue = catalogue;
        this.etalab = etalab;
        this.indicators = indicators;
        this.snds = snds;
        this.sortKeys = sortKeys;
        this.enabled = enabled;
        this.only = only.stream().map(String::strip).filter(name -> !name.isEmpty()).toList();
        // Closed from the moment the web server listens: the runners start after it.
        this.loading = enabled;
    }

    /** Whether start-up loading is still under way (requests are then answered 503). */
    public boolean loading() {
        return loading;
    }

    /** "territories, 2 of 5 sources loaded": what the 503 answer and the health details say. */
    public String progress() {
        return current + ", " + outcomes.size() + " of " + total + " bundled sources done";
    }

    public List<Outcome> outcomes() {
        return List.copyOf(outcomes);
    }

    /** What this start's loading of {@code source} read, when it loaded it (empty: kept, failed or not bundled). */
    public Optional<ImportSummary> loaded(String source) {
        return outcomes().stream().filter(outcome -> outcome.source().equals(source) && outcome.summary() != null)
                .map(Outcome::summary).findFirst();
    }

    @Override
    public void run(ApplicationArguments args) {
        try {
            if (enabled) {
                loadAll();
            }
        } finally {
            loading = false;
        }
    }

    private void loadAll() {
        List<BundledSources.Source> sources = bundle.all().stream()
                .filter(source -> only.isEmpty() || only.contains(source.name())).toList();
        total = sources.size();
        long start = System.nanoTime();
        long rows = 0;
        for (BundledSources.Source source : sources) {
            current = source.name();
            Outcome outcome = load(source);
            outcomes.add(outcome);
            rows += outcome.summary() == null ? 0 : outcome.summary().read();
        }
        // A graph kept from a version without sort keys gets them whether or not a source was reloaded.
        sortKeys.fillMissing();
        current = "done";
        double seconds = (System.nanoTime() - start) / 1e9;
        log.info("Bundled data: {} sources checked in {} s, {} rows loaded ({})", sources.size(),
                String.format("%.1f", seconds), rows, outcomes.stream().map(o -> o.source() + " " + o.action()).toList());
    }

    private Outcome load(BundledSources.Source source) {
        String checksum = bundle.checksum(source);
        Optional<SourceEditions.Held> held = editions.find(source.name());
        Optional<String> skip = held.flatMap(h -> reasonToKeep(source, checksum, h));
        if (skip.isPresent()) {
            log.info("Bundled data: {} {}: {}", source.name(), source.edition(), skip.get());
            return new Outcome(source.name(), source.edition(), "kept: " + skip.get(), null);
        }
        String why = held.isEmpty() ? "first load" : "update from " + held.get().origin().name().toLowerCase()
                + " edition " + Optional.ofNullable(held.get().edition()).orElse("(unknown)");
        log.info("Bundled data: loading {} ({}, edition {}): {}", source.name(), source.description(), source.edition(), why);
        try (StagedFolder folder = bundle.stage(source)) {
            ImportSummary summary = importFolder(source, folder.path());
            editions.record(source.name(), source.edition(), checksum, SourceEditions.Origin.BUNDLED, summary);
            double seconds = Math.max(summary.elapsed().toMillis(), 1) / 1000.0;
            log.info("Bundled data: {} loaded: {} rows read, {} rejected in {} s ({} rows/s)", source.name(),
                    summary.read(), summary.rejected(), String.format("%.1f", seconds), Math.round(summary.read() / seconds));
            return new Outcome(source.name(), source.edition(), "loaded (" + why + ")", summary);
        } catch (ImportFailedException e) {
            // The importers check before they write (retirement limit, whole files read first): the graph keeps
            // what it had of this source, and the other sources still load.
            log.error("Bundled data: {} edition {} was not loaded, the graph keeps what it had: {}", source.name(),
                    source.edition(), e.getMessage());
            return new Outcome(source.name(), source.edition(), "failed: " + e.getMessage(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("bundled " + source.name() + ": " + e.getMessage(), e);
        }
    }

    /** Why the graph's copy of a source is kept, or empty when the bundled one must be loaded. */
    static Optional<String> reasonToKeep(BundledSources.Source source, String checksum, SourceEditions.Held held) {
        if (held.origin() == SourceEditions.Origin.BUNDLED) {
            return checksum.equals(held.checksum()) ? Optional.of("already loaded") : Optional.empty();
        }
        // Imported by a user: replaced only by a strictly newer edition that can be compared.
        if (held.edition() == null) {
            return Optional.of("imported by a user (edition not given)");
        }
        Optional<LocalDate> bundled = date(source.edition());
        Optional<LocalDate> imported = date(held.edition());
        if (bundled.isPresent() && imported.isPresent() && bundled.get().isAfter(imported.get())) {
            return Optional.empty();
        }
        return Optional.of("imported by a user (edition " + held.edition() + ")");
    }

    private static Optional<LocalDate> date(String edition) {
        try {
            return Optional.ofNullable(TerritoryImporter.edition(edition));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private ImportSummary importFolder(BundledSources.Source source, Path dir) throws IOException {
        return switch (source.name()) {
            case "catalogue" -> ImportSummary.combine(source.name(), catalogue.importDirectory(dir),
                    indicators.importDirectory(dir, ProducerDirectory.load(dir.resolve("producers.csv"))));
            case TerritoryImporter.SOURCE -> territories.importDirectory(dir, new TerritoryImporter.Options(
                    date(source.edition()).orElse(null), retirementLimit));
            case "etalab-2014" -> etalab.importDirectory(dir, ProducerDirectory.bundled());
            case "drees-indicators" -> indicators.importDirectory(dir, ProducerDirectory.bundled());
            case "snds-schemas" -> snds.importDirectory(dir);
            default -> throw new IllegalStateException("bundle.tsv names a source this version cannot load: "
                    + source.name());
        };
    }

    @Override
    public Health health() {
        Map<String, Object> details = new LinkedHashMap<>();
        outcomes().forEach(outcome -> details.put(outcome.source(), outcome.edition() + ": " + outcome.action()));
        if (loading) {
            return Health.outOfService().withDetail("loading", progress()).withDetails(details).build();
        }
        return Health.up().withDetails(details).build();
    }
}
