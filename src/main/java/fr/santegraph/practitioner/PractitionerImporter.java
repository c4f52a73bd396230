package fr.santegraph.practitioner;

import fr.santegraph.ingest.BatchPipeline;
import fr.santegraph.ingest.BulkImport;
import fr.santegraph.ingest.DataFile;
import fr.santegraph.ingest.DelimitedFormat;
import fr.santegraph.ingest.DelimitedReader;
import fr.santegraph.ingest.Futures;
import fr.santegraph.ingest.GraphExport;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSource;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.OfflineStore;
import fr.santegraph.ingest.RetirementLimit;
import fr.santegraph.ingest.RowException;
import fr.santegraph.ingest.SourceImported;
import fr.santegraph.practitioner.PractitionerWriter.SiteWrite;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code import practitioners --file <PS_LibreAcces_<stamp>.zip | …Personne_activite_<stamp>.txt[.gz]>
 * [--savoir-faire <file>] [--diplomas <file>] [--departments 75,92,2A] [--geocoding <csv>] [--stamp <yyyymmddhhmm>]
 * [--max-retired-share 0.05] [--allow-mass-retirement]}.
 * <p>
 * Before writing anything, one pass over the activity file's bytes checks it is UTF-8 text, tells whether it is
 * sorted by identifier and counts what it would retire: past the retirement limit nothing is written. Then it streams
 * the file (constant memory: one batch in parsing, at most two waiting for the writer thread), groups the consecutive
 * lines of each practitioner, and writes batch by batch while the next one is parsed. Practitioners the file no longer
 * lists are retired: range by range as the batches go when the file is sorted by identifier (as published), else
 * after a complete read.
 * <p>
 * A first load into an embedded store that holds no practitioner yet, run from the command line, is built by Neo4j's
 * own importer instead ({@link OfflineFirstLoad}): the same read and checks, the new nodes written to files, then the
 * database rebuilt from them and the rest of the graph. {@code --transactional} writes it statement by statement.
 */
@Component
@ImportSource(name = "practitioners",
        usage = "--file <PS_LibreAcces_<stamp>.zip | PS_LibreAcces_Personne_activite_*.txt[.gz]> [--savoir-faire <file>] "
                + "[--diplomas <file>] [--departments 75,92,2A] [--geocoding <address_key;latitude;longitude csv>] "
                + "[--stamp <yyyymmddhhmm>] [--max-retired-share 0.05] [--allow-mass-retirement] [--transactional]")
public class PractitionerImporter implements Importer {

    private static final Logger log = LoggerFactory.getLogger(PractitionerImporter.class);
    /** Sites already written by this run are skipped; bounded so memory stays flat on any file (~100 MB when full). */
    static final int WRITTEN_SITES_CACHE = 1_000_000;
    /**
     * Practitioners read from the graph per statement when reconciling a range; five times as many per statement when
     * reading ids or site fingerprints (one or two values a row).
     */
    static final int RANGE_PAGE = 10_000;
    /** Site fingerprints held in memory by the writer (~120 MB when full); a larger graph is asked batch by batch. */
    static final int SITE_FINGERPRINTS_HELD = 1_000_000;
    /**
     * Practitioners whose identifier and fingerprint are read once before a refresh and held (~25 bytes each): a
     * larger graph is read range by range as the batches go.
     */
    static final int PRACTITIONERS_HELD = 4_000_000;
    /**
     * Rows of writes held back while the retirement limit is still being counted (a day's changes, ~3 % of the
     * country, are ~60,000): past it the writer waits for the count.
     */
    static final long MAX_HELD_BACK_ROWS = 500_000;
    private static final Pattern STAMP_OPTION = Pattern.compile("\\d{8}(\\d{2}(\\d{2}(\\d{2})?)?)?");

    private final PractitionerWriter writer;
    private final Neo4jClient neo4j;
    private final int activityBatchLines;
    private final int rangePage;
    private final int siteFingerprintsHeld;
    private final int practitionersHeld;
    private ApplicationEventPublisher events = event -> { };
    /** Present for a command-line import into the embedded store: what an offline first load rebuilds. */
    private OfflineStore offlineStore;

    /**
     * {@code activityBatchLines}: activity lines per write transaction. Smaller batches keep less transaction state on
     * the heap (fewer, shorter GC pauses); larger ones make fewer round trips.
     */
    @Autowired
    public PractitionerImporter(PractitionerWriter writer, Neo4jClient neo4j,
                                @Value("${santegraph.import.practitioners.batch-lines:5000}") int activityBatchLines) {
        this(writer, neo4j, activityBatchLines, RANGE_PAGE, SITE_FINGERPRINTS_HELD, PRACTITIONERS_HELD);
    }

    /** Told once a run has written the directory, for what the graph derives from it (densities). */
    @Autowired
    void events(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Autowired(required = false)
    void offlineStore(OfflineStore offlineStore) {
        this.offlineStore = offlineStore;
    }

    /**
     * With {@code rangePage} rows read per statement, at most {@code siteFingerprintsHeld} site fingerprints and
     * {@code practitionersHeld} practitioners held (tests use tiny ones).
     */
    PractitionerImporter(PractitionerWriter writer, Neo4jClient neo4j, int activityBatchLines, int rangePage,
                         int siteFingerprintsHeld, int practitionersHeld) {
        this.writer = writer;
        this.neo4j = neo4j;
        this.activityBatchLines = activityBatchLines;
        this.rangePage = rangePage;
        this.siteFingerprintsHeld = siteFingerprintsHeld;
        this.practitionersHeld = practitionersHeld;
    }

    /**
     * What one run reads. {@code file}: the ANS zip, or the activity file (text or gzip); companions null: those of
     * the zip, if any. {@code departments} null: the whole country.
     */
    public record Options(Path file, @Nullable Path savoirFaireFile, @Nullable Path diplomaFile,
                          @Nullable List<String> departments, @Nullable Path geocodingFile, @Nullable String stamp,
                          RetirementLimit retirementLimit, boolean transactional) {

        public Options(Path file) {
            this(file, null, null, null, null, null, RetirementLimit.DEFAULT);
        }

        /** {@code transactional} false: a first load into an empty embedded store goes offline where it can. */
        public Options(Path file, @Nullable Path savoirFaireFile, @Nullable Path diplomaFile,
                       @Nullable List<String> departments, @Nullable Path geocodingFile, @Nullable String stamp,
                       RetirementLimit retirementLimit) {
            this(file, savoirFaireFile, diplomaFile, departments, geocodingFile, stamp, retirementLimit, false);
        }
    }

    @Override
    public ImportSummary run(ImportRequest request) throws IOException {
        Path file = request.file("file");
        List<String> departments = request.list("departments").stream().map(d -> d.toUpperCase(Locale.ROOT)).toList();
        String stamp = request.option("stamp").orElse(null);
        if (stamp != null && !STAMP_OPTION.matcher(stamp).matches()) {
            throw new IllegalArgumentException("--stamp " + stamp + " is not yyyymmdd[hhmm[ss]]");
        }
        return importFiles(new Options(file, request.optionalFile("savoir-faire").orElse(null),
                request.optionalFile("diplomas").orElse(null), departments.isEmpty() ? null : departments,
                request.optionalFile("geocoding").orElse(null), stamp, RetirementLimit.of(request),
                request.flag("transactional")));
    }

    /** The day the extraction was published (retirements are dated with it), else today. */
    static LocalDate dateOf(@Nullable String stamp) {
        if (stamp != null) {
            try {
                return LocalDate.parse(stamp.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                // fall through: an unusual stamp still names the run
            }
        }
        return LocalDate.now(ZoneOffset.UTC);
    }

    public ImportSummary importFiles(Options options) throws IOException {
        ExtractionFiles files = ExtractionFiles.resolve(options.file(), options.savoirFaireFile(), options.diplomaFile());
        ActivityRowMapper mapper = mapperOf(files.activities());
        SiteFingerprints sites = new SiteFingerprints(siteFingerprintsHeld);
        // Three checks alongside the read: the scan of the file, practitioners, sites and communes.
        ExecutorService graphReads = Executors.newFixedThreadPool(3, r -> new Thread(r, "rpps-check"));
        try {
            return importFiles(files, options, mapper, sites, graphReads);
        } finally {
            graphReads.shutdownNow();
        }
    }

    private ImportSummary importFiles(ExtractionFiles files, Options options, ActivityRowMapper mapper,
                                      SiteFingerprints sites, ExecutorService graphReads) throws IOException {
        String stamp = options.stamp() != null ? options.stamp() : files.stamp();
        LocalDate date = dateOf(stamp);
        Checks checks = startChecks(files.activities(), mapper, options, sites, graphReads);
        CommuneDirectory communes = join(checks.communes());
        if (communes.isEmpty()) {
            log.warn("No communes in the graph: import territories first, or every site will be unplaced");
        }
        OfflineFirstLoad offline = offlineFirstLoad(options);
        try {
            // Read at once as sorted (as the ANS publishes it): every write waits for the checks.
            return read(files, options, mapper, stamp, date, communes,
                    new Counts(sites, true, checks.held(), new GuardedWrites(checks.sortedAndWithinLimit(),
                            MAX_HELD_BACK_ROWS), offline), false);
        } catch (NotSorted e) {
            // Nothing was written (the writes waited for the checks): read it again, unsorted, checked first. An
            // offline load needs every line of a practitioner together: this one goes statement by statement.
            discard(offline);
            join(checks.withinLimit());
            return read(files, options, mapper, stamp, date, communes,
                    new Counts(sites, false, null, GuardedWrites.open(), null), true);
        } catch (RuntimeException e) {
            // The scan of the file's bytes, when it fails too, tells the cause best (a truncated gzip, a bad byte).
            Throwable scanned = checks.scan().handle((scan, failure) -> failure).join();
            RuntimeException scanFailure = scanned == null ? null : Futures.unwrapped(scanned, "the scan of the file");
            if (scanFailure instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (scanFailure != null && scanFailure != e) {
                scanFailure.addSuppressed(e);
                throw scanFailure;
            }
            throw e;
        } finally {
            discard(offline);
        }
    }

    /**
     * The offline files of a first load, when this run may make one: an embedded store rebuilt by the importer,
     * holding no practitioner, site or activity yet, and not told {@code --transactional}.
     */
    private @Nullable OfflineFirstLoad offlineFirstLoad(Options options) throws IOException {
        if (offlineStore == null || options.transactional()) {
            return null;
        }
        long held = neo4j.query("""
                CALL () { MATCH (p:Practitioner) RETURN count(p) AS n
                          UNION ALL MATCH (s:Site) RETURN count(s) AS n
                          UNION ALL MATCH (a:Activity) RETURN count(a) AS n }
                RETURN sum(n) AS held
                """).fetchAs(Long.class).one().orElse(0L);
        if (held > 0) {
            return null;
        }
        Set<String> territories = new HashSet<>(neo4j.query("MATCH (t:Territory) RETURN t.id AS id")
                .fetchAs(String.class).all());
        log.info("First load into an empty embedded store: built offline by Neo4j's importer (--transactional to write "
                + "it statement by statement)");
        return new OfflineFirstLoad(BulkImport.in(offlineStore.workFolder()), territories, writer);
    }

    private static void discard(@Nullable OfflineFirstLoad offline) throws IOException {
        if (offline != null) {
            offline.files().delete();
        }
    }

    /** The database rebuilt from the run's files and the rest of the graph, then the rewrites kept for it. */
    private void buildOffline(OfflineFirstLoad offline, ImportRun run) throws IOException {
        long start = System.nanoTime();
        BulkImport files = offline.files();
        GraphExport.Exported exported = new GraphExport(neo4j, List.of(new GraphExport.Key("Territory", "id"),
                new GraphExport.Key("Profession", "code"), new GraphExport.Key("Specialty", "code"))).writeTo(files);
        long written = System.nanoTime();
        try {
            offlineStore.replaceDatabase(files);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ImportFailedException("the offline build failed: " + e.getMessage());
        }
        exported.restoreEmptyLists(neo4j);
        offline.runAfterBuild();
        log.info("Offline first load: {} records of the graph exported in {} s, {} records in all, database rebuilt in "
                + "{} s", exported.records(), seconds(written - start), files.records(), seconds(System.nanoTime() - written));
        run.count("records built offline by Neo4j's importer", files.records());
    }

    private ImportSummary read(ExtractionFiles files, Options options, ActivityRowMapper mapper, @Nullable String stamp,
                               LocalDate date, CommuneDirectory communes, Counts counts, boolean readAgain)
            throws IOException {
        ImportRun run = new ImportRun("practitioners " + files.activities().describe());
        if (readAgain) {
            run.count("read again (not sorted by identifier)", 1);
        }
        GeocodingTable geocoding = options.geocodingFile() == null ? GeocodingTable.NONE
                : GeocodingTable.load(options.geocodingFile(), run);
        readActivities(files.activities(), mapper, options, run, counts, communes, geocoding, date);
        // A file read before its checks ended: their refusal (nothing written) or the writes held back.
        counts.writes.awaitCheck();
        if (counts.offline != null) {
            buildOffline(counts.offline, run);
        }
        long retired = counts.sortedById ? counts.retired.get()
                : retireUnstamped(run.id(), date, options.departments(), counts.kept);
        CompanionFiles companions = new CompanionFiles(writer);
        if (files.savoirFaire() != null) {
            run.count("savoir-faire links", companions.readSavoirFaire(files.savoirFaire(), run));
        }
        if (files.diplomas() != null) {
            run.count("diploma and authorisation links", companions.readDiplomas(files.diplomas(), run));
        }
        run.count("practitioners created", counts.created.get());
        run.count("practitioners updated", counts.updated.get());
        run.count("practitioners unchanged", counts.unchanged.get());
        run.count("practitioners retired", retired);
        run.count("practitioners kept despite rejected lines", counts.kept.size());
        run.count("activity lines loaded", counts.lines.get());
        run.count("sites created", counts.sitesCreated.get());
        run.count("sites updated", counts.sitesUpdated.get());
        run.count("lines outside the départements", counts.outOfScope);
        ImportSummary summary = run.finish();
        writer.recordRun(new PractitionerWriter.RunRecord(run.id(), files.activities().describe(),
                files.savoirFaire() == null ? null : files.savoirFaire().describe(),
                files.diplomas() == null ? null : files.diplomas().describe(), stamp, options.departments(),
                run.startedAt().toString(), summary.read(), counts.created.get(), counts.updated.get(),
                counts.unchanged.get(), retired, summary.rejected(), summary.elapsed().toMillis(), counts.sortedById, date));
        events.publishEvent(new SourceImported(SourceImported.PRACTITIONERS, counts.created.get() + counts.updated.get()
                + retired + counts.sitesCreated.get() + counts.sitesUpdated.get() > 0));
        return summary;
    }

    /** The checks' signal that the file is not sorted by identifier: read it again the other way. */
    private static final class NotSorted extends RuntimeException {
        NotSorted() {
            super("not sorted by identifier", null, false, false);
        }
    }

    private static ActivityRowMapper mapperOf(DataFile activities) throws IOException {
        try (DelimitedReader reader = DelimitedReader.open(activities, DelimitedFormat.RPPS)) {
            return ActivityRowMapper.forHeader(reader.name(),
                    reader.requireHeader("the PS_LibreAcces_Personne_activite header"));
        }
    }

    /**
     * Everything that can refuse the file, started before its first line is read and run alongside it: the scan of
     * its bytes (UTF-8 throughout, a compressed copy whole, sorted or not, the identifiers it lists), the read of
     * what the graph holds (practitioners, for the reconciliation and the retirement limit; sites and communes, which
     * the writer needs from its first batch). The file is read meanwhile; its writes wait ({@link GuardedWrites})
     * until the scan and the practitioners' read have ended and the limit has passed.
     */
    private Checks startChecks(DataFile activities, ActivityRowMapper mapper, Options options, SiteFingerprints sites,
                               ExecutorService graphReads) {
        long start = System.nanoTime();
        HeldPractitioners held = new HeldPractitioners();
        long[] nanos = new long[3];
        CompletableFuture<Void> practitioners = CompletableFuture.runAsync(() -> {
            held.read((after, limit) -> writer.heldAfter(after, limit, options.departments()), 5 * rangePage,
                    practitionersHeld);
            nanos[0] = System.nanoTime() - start;
        }, graphReads);
        CompletableFuture<CommuneDirectory> communes = CompletableFuture.supplyAsync(() -> {
            sites.load(writer::sitesAfter, 5 * rangePage);
            CommuneDirectory directory = CommuneDirectory.load(neo4j);
            nanos[1] = System.nanoTime() - start;
            return directory;
        }, graphReads);
        CompletableFuture<ExtractionScan> scan = CompletableFuture.supplyAsync(() -> {
            try {
                ExtractionScan scanned = ExtractionScan.of(activities, mapper.nationalIdColumn());
                nanos[2] = System.nanoTime() - start;
                return scanned;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, graphReads);
        CompletableFuture<Void> withinLimit = scan.thenCombine(practitioners, (scanned, ignored) -> {
            log.info("{}: {} lines, {} practitioners, {}; checked in {} s (alongside the read: file scan {} s, "
                            + "practitioners read {} s, sites and communes read {} s)", activities.describe(),
                    scanned.lines(), scanned.identifierCount(), scanned.sortedById() ? "sorted by identifier"
                            : "not sorted by identifier, read again with every practitioner stamped by the run",
                    seconds(System.nanoTime() - start), seconds(nanos[2]), seconds(nanos[0]), seconds(nanos[1]));
            checkRetirements(scanned, held.awaitComplete() ? held : null, options);
            return (Void) null;
        });
        CompletableFuture<Void> sortedAndWithinLimit = withinLimit.thenCompose(ignored -> scan).thenAccept(scanned -> {
            if (!scanned.sortedById()) {
                throw new NotSorted();
            }
        });
        return new Checks(scan, held, communes, withinLimit, sortedAndWithinLimit);
    }

    private static String seconds(long nanos) {
        return String.format("%.1f", nanos / 1e9);
    }

    /** The checks running alongside the read, and what they read. */
    private record Checks(CompletableFuture<ExtractionScan> scan, HeldPractitioners held,
                          CompletableFuture<CommuneDirectory> communes, CompletableFuture<Void> withinLimit,
                          CompletableFuture<Void> sortedAndWithinLimit) {
    }

    private static <T> T join(CompletableFuture<T> future) {
        return Futures.join(future, "reading the graph");
    }

    /**
     * How many active practitioners of the scope the file would retire, against the limit: the graph's active
     * identifiers, each looked up among the file's (read again from the graph, in index order, when not held).
     */
    private void checkRetirements(ExtractionScan scan, @Nullable HeldPractitioners held, Options options) {
        if (options.retirementLimit().allowed()) {
            return;
        }
        long active = 0;
        long absent = 0;
        if (held != null) {
            long[] counted = held.activeAndAbsent(scan::lists);
            active = counted[0];
            absent = counted[1];
        } else {
            String after = "";
            int page = 5 * rangePage;
            while (true) {
                List<String> ids = writer.activeAfter(after, page, options.departments());
                for (String id : ids) {
                    active++;
                    if (!scan.lists(id)) {
                        absent++;
                    }
                }
                if (ids.size() < page) {
                    break;
                }
                after = ids.get(ids.size() - 1);
            }
        }
        options.retirementLimit().check("practitioners" + (options.departments() == null ? ""
                : " in départements " + String.join(",", options.departments())), absent, active);
    }

    /** Written by the writer thread, read once it has finished; the site fingerprints are the writer's own. */
    private static final class Counts {
        final SiteFingerprints siteFingerprints;
        final boolean sortedById;
        /** What the graph held before the run, for a sorted file; null: read range by range. */
        final @Nullable HeldPractitioners held;
        /** Every write of the run goes through it: held back until the retirement limit has passed. */
        final GuardedWrites writes;
        final AtomicLong created = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong lines = new AtomicLong();
        final AtomicLong sitesCreated = new AtomicLong();
        final AtomicLong sitesUpdated = new AtomicLong();
        final AtomicLong retired = new AtomicLong();
        /** Practitioners listed on rejected lines: the file still publishes them, so none is retired. */
        final Set<String> kept = ConcurrentHashMap.newKeySet();
        final StatementTimes times = new StatementTimes();
        /** Null, or the offline load's files, where new sites and practitioners then go. */
        final @Nullable OfflineFirstLoad offline;
        long outOfScope;

        Counts(SiteFingerprints siteFingerprints, boolean sortedById, @Nullable HeldPractitioners held,
               GuardedWrites writes, @Nullable OfflineFirstLoad offline) {
            this.siteFingerprints = siteFingerprints;
            this.sortedById = sortedById;
            this.held = held;
            this.writes = writes;
            this.offline = offline;
        }
    }

    /**
     * One batch handed to the writer thread: practitioners with their lines, sites first met in the run, new reference
     * rows. {@code range}: the identifiers it reconciles when the file is sorted by identifier, else null.
     */
    private record Batch(Map<String, List<ActivityLine>> practitioners, List<SiteWrite> sites,
                         List<Map<String, Object>> professions, List<Map<String, Object>> specialties,
                         @Nullable IdRange range) {

        static Batch empty() {
            return new Batch(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null);
        }

        Batch reconciling(IdRange range) {
            return new Batch(practitioners, sites, professions, specialties, range);
        }
    }

    /** Identifiers in ({@code after}, {@code upTo}]; {@code upTo} null: to the last one. */
    private record IdRange(String after, @Nullable String upTo) {
    }

    private void readActivities(DataFile file, ActivityRowMapper mapper, Options options, ImportRun run, Counts counts,
                                CommuneDirectory communes, GeocodingTable geocoding, LocalDate date) throws IOException {
        Set<String> scope = options.departments() == null ? null : new HashSet<>(options.departments());
        Set<String> knownProfessions = new HashSet<>();
        Set<String> knownSpecialties = new HashSet<>();
        Map<String, Boolean> writtenSites = new LinkedHashMap<>(1 << 16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > WRITTEN_SITES_CACHE;
            }
        };
        BatchPipeline<Batch> pipeline = new BatchPipeline<>("rpps-writer", 2,
                batch -> write(batch, run.id(), date, options.departments(), counts));
        try (pipeline; DelimitedReader reader = DelimitedReader.open(file, DelimitedFormat.RPPS)) {
            String name = reader.name();
            // Where the previous batch's identifiers ended: the next batch reconciles from there.
            String rangeEnd = "";
            Batch batch = Batch.empty();
            int batchLines = 0;
            String previousId = null;
            for (DelimitedReader.Row row = reader.next(); row != null; row = reader.next()) {
                run.rowRead();
                ActivityLine activity;
                try {
                    activity = mapper.map(row);
                } catch (RowException e) {
                    run.reject(name, row.line(), e.getMessage());
                    String id = row.field(mapper.nationalIdColumn()).strip();
                    if (!id.isEmpty()) {
                        counts.kept.add(id);
                    }
                    continue;
                }
                SiteRow site = activity.site();
                SitePlacement placement = site == null ? null : SitePlacement.of(site, communes, geocoding);
                String department = placement != null ? placement.departmentCode()
                        : (String) activity.activity().get("departmentCode");
                if (scope != null && !scope.contains(department)) {
                    counts.outOfScope++;
                    continue;
                }
                if (placement != null) {
                    activity = activity.inDepartment(placement.departmentCode());
                }
                // Flush only between two practitioners, so one practitioner's lines are written together.
                if (previousId != null && batchLines >= activityBatchLines && !activity.practitionerId().equals(previousId)) {
                    pipeline.submit(counts.sortedById ? batch.reconciling(new IdRange(rangeEnd, previousId)) : batch);
                    rangeEnd = previousId;
                    batch = Batch.empty();
                    batchLines = 0;
                }
                previousId = activity.practitionerId();
                batch.practitioners().computeIfAbsent(activity.practitionerId(), id -> new ArrayList<>(2)).add(activity);
                batchLines++;
                if (knownProfessions.add(activity.profession().code())) {
                    batch.professions().add(Map.of("code", activity.profession().code(),
                            "label", activity.profession().label() == null ? "" : activity.profession().label()));
                }
                if (activity.specialty() != null && knownSpecialties.add(activity.specialty().code())) {
                    batch.specialties().add(PractitionerWriter.specialtyParameters(activity.specialty()));
                }
                if (site != null && placement != null && writtenSites.put(site.id(), Boolean.TRUE) == null) {
                    batch.sites().add(SiteWrite.of(site, placement));
                }
            }
            pipeline.submit(counts.sortedById ? batch.reconciling(new IdRange(rangeEnd, null)) : batch);
            pipeline.finish();
            log.info("{}: reader waited {} s for the writer; writer thread CPU {} s (building parameters, waiting "
                            + "excluded); writer time by statement: {}", name,
                    String.format("%.1f", pipeline.readerWaitNanos() / 1e9),
                    String.format("%.1f", pipeline.writerCpuNanos() / 1e9), counts.times);
        }
    }

    /** An unsorted file: practitioners not stamped by the run are retired, except those listed on rejected lines. */
    private long retireUnstamped(String runId, LocalDate date, @Nullable List<String> departments, Set<String> kept) {
        List<String> keptIds = List.copyOf(kept);
        for (int from = 0; from < keptIds.size(); from += rangePage) {
            writer.known(keptIds.subList(from, Math.min(keptIds.size(), from + rangePage)), runId);
        }
        return writer.retireMissing(runId, date, departments);
    }

    private void write(Batch batch, String runId, LocalDate date, @Nullable List<String> departments, Counts counts) {
        StatementTimes times = counts.times;
        GuardedWrites writes = counts.writes;
        NewRecords records = records(counts);
        // Held writes capture what they write, never the batch: a long check must not keep every batch alive.
        List<Map<String, Object>> professions = batch.professions();
        List<Map<String, Object>> specialties = batch.specialties();
        if (!professions.isEmpty() || !specialties.isEmpty()) {
            writes.write(professions.size() + specialties.size(), () -> times.time("reference",
                    () -> writer.writeReference(professions, specialties)));
        }
        writeSites(batch.sites(), runId, counts);
        IdRange range = batch.range();
        Map<String, PractitionerWriter.Known> known = range == null
                ? times.time("known", () -> writer.known(batch.practitioners().keySet(), runId))
                : times.time("range", () -> reconcile(range, batch.practitioners().keySet(), date, departments,
                counts));
        Reconciliation changes = Reconciliation.of(batch.practitioners(), known, counts.kept);
        if (!changes.created().isEmpty()) {
            writes.write(changes.created().size(), () -> times.time("create",
                    () -> records.createPractitioners(changes.created(), runId, date)));
        }
        if (!changes.changed().isEmpty()) {
            writes.write(changes.changed().size(), () -> times.time("update",
                    () -> records.updatePractitioners(changes.changed(), runId, date, false)));
        }
        if (!changes.appended().isEmpty()) {
            writes.write(changes.appended().size(), () -> times.time("append",
                    () -> records.updatePractitioners(changes.appended(), runId, date, true)));
        }
        counts.lines.addAndGet(changes.lines());
        counts.created.addAndGet(changes.created().size());
        counts.updated.addAndGet(changes.changed().size());
        counts.unchanged.addAndGet(changes.unchanged());
    }

    /**
     * What the graph holds in the batch's identifier range: practitioners of the batch are returned (to be compared by
     * fingerprint), active ones the file no longer lists between the two ends are retired at once. Sorted files only:
     * every identifier of the range is in this batch or nowhere in the file.
     */
    private Map<String, PractitionerWriter.Known> reconcile(IdRange range, Set<String> published, LocalDate date,
                                                            @Nullable List<String> departments, Counts counts) {
        Map<String, PractitionerWriter.Known> known = new HashMap<>();
        String after = range.after();
        while (true) {
            // The held practitioners as their read passes this range; from the graph when that read was abandoned.
            List<PractitionerWriter.Held> inMemory = counts.held == null ? null : counts.held.between(after,
                                                                                                      range.upTo());
            boolean fromGraph = inMemory == null;
            List<PractitionerWriter.Held> page = inMemory != null ? inMemory : writer.heldBetween(after, range.upTo(),
                                                                                                  rangePage);
            for (PractitionerWriter.Held held : page) {
                if (published.contains(held.id())) {
                    known.put(held.id(), new PractitionerWriter.Known(held.fingerprint(), held.active(), false));
                }
            }
            List<String> absent = Reconciliation.absent(page, published, counts.kept);
            if (!absent.isEmpty()) {
                counts.writes.write(absent.size(),
                        () -> counts.retired.addAndGet(writer.retireAbsent(absent, date, departments)));
            }
            if (!fromGraph || page.size() < rangePage) {
                return known;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** Where new and changed sites and practitioners go: the graph, or an offline load's files. */
    private NewRecords records(Counts counts) {
        return counts.offline != null ? counts.offline : writer;
    }

    /** New sites are created, changed ones rewritten, unchanged ones left alone (their fingerprint says which). */
    private void writeSites(List<SiteWrite> sites, String runId, Counts counts) {
        StatementTimes times = counts.times;
        SiteFingerprints fingerprints = counts.siteFingerprints;
        NewRecords records = records(counts);
        Map<String, Long> known = times.time("sites known", () -> fingerprints.known(sites.stream()
                .map(SiteWrite::id).toList(), writer::knownSites));
        List<SiteWrite> created = new ArrayList<>();
        List<SiteWrite> changed = new ArrayList<>();
        for (SiteWrite site : sites) {
            Long before = known.get(site.id());
            if (before != null && before == site.fingerprint()) {
                continue; // unchanged
            }
            (before == null ? created : changed).add(site);
            // Recorded before the write: a failed write ends the run, and these fingerprints with it.
            fingerprints.written(site.id(), site.fingerprint());
        }
        if (!created.isEmpty()) {
            counts.writes.write(created.size(), () -> times.time("sites create", () -> records.createSites(created, runId)));
        }
        if (!changed.isEmpty()) {
            counts.writes.write(changed.size(), () -> times.time("sites update", () -> records.updateSites(changed, runId)));
        }
        counts.sitesCreated.addAndGet(created.size());
        counts.sitesUpdated.addAndGet(changed.size());
    }
}
