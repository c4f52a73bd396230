package fr.santegraph.practitioner;

import fr.santegraph.ingest.DelimitedFile;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.RowException;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * {@code import practitioners --file PS_LibreAcces_Personne_activite_<stamp>.txt [--savoir-faire <file>]
 * [--diplomas <file>] [--departments 75,92,2A] [--geocoding <csv>] [--stamp <yyyymmddhhmm>]}.
 * <p>
 * Streams the activity file (constant memory: one batch in parsing, at most two waiting for the writer thread),
 * groups the consecutive lines of each practitioner (the extraction is sorted by identifier), and writes
 * batch by batch while the next one is parsed. Practitioners the file no longer lists are retired: range by range
 * as the batches go when the file is sorted by identifier (as published), else after a complete read.
 */
@Component
public class PractitionerImporter implements Importer {

    private static final Logger log = LoggerFactory.getLogger(PractitionerImporter.class);
    /** Lines per batch of the companion files (savoir-faire, diplomas). */
    static final int BATCH_LINES = 10_000;
    /**
     * Sites already written by this run are skipped; bounded so memory stays flat on any file (~100 MB when full).
     * Lines of one site are spread over the whole file (sorted by practitioner): 200,000 entries made a 2M-line
     * refresh look half of its ~500,000 sites up twice (site lookups 21 s → 10 s with 1,000,000).
     */
    static final int WRITTEN_SITES_CACHE = 1_000_000;
    /**
     * Practitioners read from the graph per statement when reconciling a range; five times as many sites per statement
     * when reading every site's fingerprint (two values a row, read once per run).
     */
    static final int RANGE_PAGE = 10_000;
    /**
     * Site fingerprints held in memory by the writer (~120 MB when full; the country has ~500,000 sites): a larger
     * graph is asked batch by batch instead, as before (a 2M-line refresh spent 10–11 s on those lookups).
     */
    static final int SITE_FINGERPRINTS_HELD = 1_000_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern STAMP = Pattern.compile("_(\\d{8,14})\\.txt$");
    private static final Pattern STAMP_OPTION = Pattern.compile("\\d{8}(\\d{2}(\\d{2}(\\d{2})?)?)?");

    private final PractitionerWriter writer;
    private final Neo4jClient neo4j;
    private final int activityBatchLines;
    private final int rangePage;
    private final int siteFingerprintsHeld;

    /**
     * {@code activityBatchLines}: activity lines per write transaction. Smaller batches keep less transaction state
     * on the heap (fewer, shorter GC pauses); larger ones make fewer round trips.
     */
    @Autowired
    public PractitionerImporter(PractitionerWriter writer, Neo4jClient neo4j,
                                @Value("${santegraph.import.practitioners.batch-lines:5000}") int activityBatchLines) {
        this(writer, neo4j, activityBatchLines, RANGE_PAGE, SITE_FINGERPRINTS_HELD);
    }

    /**
     * With {@code rangePage} practitioners or sites read per statement, and at most {@code siteFingerprintsHeld} site
     * fingerprints in memory (tests use tiny ones).
     */
    PractitionerImporter(PractitionerWriter writer, Neo4jClient neo4j, int activityBatchLines, int rangePage,
                         int siteFingerprintsHeld) {
        this.writer = writer;
        this.neo4j = neo4j;
        this.activityBatchLines = activityBatchLines;
        this.rangePage = rangePage;
        this.siteFingerprintsHeld = siteFingerprintsHeld;
    }

    /** What one run reads. {@code departments} null: the whole country. */
    public record Options(Path activityFile, Path savoirFaireFile, Path diplomaFile, List<String> departments,
                          Path geocodingFile, String stamp) {
    }

    @Override
    public String name() {
        return "practitioners";
    }

    @Override
    public String usage() {
        return "--file <PS_LibreAcces_Personne_activite_*.txt> [--savoir-faire <file>] [--diplomas <file>] "
                + "[--departments 75,92,2A] [--geocoding <address_key;latitude;longitude csv>] [--stamp <yyyymmddhhmm>]";
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
                request.optionalFile("geocoding").orElse(null), stamp));
    }

    /** The extraction stamp: the option, else the one in the file name ({@code _202112141014.txt}). */
    static String stampOf(Options options) {
        if (options.stamp() != null) {
            return options.stamp();
        }
        Matcher matcher = STAMP.matcher(options.activityFile().getFileName().toString());
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The day the extraction was published (retirements are dated with it), else today. */
    static LocalDate dateOf(String stamp) {
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
        String stamp = stampOf(options);
        LocalDate date = dateOf(stamp);
        ImportRun run = new ImportRun("practitioners " + options.activityFile().getFileName());
        GeocodingTable geocoding = options.geocodingFile() == null ? GeocodingTable.NONE
                : GeocodingTable.load(options.geocodingFile(), run);
        CommuneDirectory communes = CommuneDirectory.load(neo4j);
        if (communes.isEmpty()) {
            log.warn("No communes in the graph: import territories first, or every site will be unplaced");
        }
        Counts counts = new Counts(new SiteFingerprints(siteFingerprintsHeld));
        readActivities(options, run, counts, communes, geocoding, date);
        long retired = counts.sortedById ? counts.retired.get()
                : writer.retireMissing(run.id(), date, options.departments());
        if (options.savoirFaireFile() != null) {
            readSavoirFaire(options.savoirFaireFile(), run);
        }
        if (options.diplomaFile() != null) {
            readDiplomas(options.diplomaFile(), run);
        }
        run.count("practitioners created", counts.created.get());
        run.count("practitioners updated", counts.updated.get());
        run.count("practitioners unchanged", counts.unchanged.get());
        run.count("practitioners retired", retired);
        run.count("activity lines loaded", counts.lines.get());
        run.count("sites written", counts.sites.get());
        run.count("lines outside the départements", counts.outOfScope);
        ImportSummary summary = run.finish();
        Map<String, Object> node = new HashMap<>();
        node.put("id", run.id());
        node.put("source", "RPPS PS_LibreAcces");
        node.put("file", options.activityFile().getFileName().toString());
        node.put("savoirFaireFile", options.savoirFaireFile() == null ? null : options.savoirFaireFile().getFileName().toString());
        node.put("diplomaFile", options.diplomaFile() == null ? null : options.diplomaFile().getFileName().toString());
        node.put("stamp", stamp);
        node.put("departments", options.departments());
        node.put("startedAt", run.startedAt().toString());
        node.put("read", summary.read());
        node.put("created", counts.created.get());
        node.put("updated", counts.updated.get());
        node.put("unchanged", counts.unchanged.get());
        node.put("retired", retired);
        node.put("rejected", summary.rejected());
        node.put("durationMs", summary.elapsed().toMillis());
        node.put("sortedById", counts.sortedById);
        writer.recordRun(node);
        return summary;
    }

    /** Written by the writer thread, read once it has finished; the site fingerprints are the writer's own. */
    private static final class Counts {
        final SiteFingerprints siteFingerprints;
        final AtomicLong created = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final AtomicLong lines = new AtomicLong();
        final AtomicLong sites = new AtomicLong();
        final AtomicLong retired = new AtomicLong();
        final StatementTimes times = new StatementTimes();
        boolean sortedById;
        long outOfScope;
        long readerWaitNanos;
        final AtomicLong writerCpuNanos = new AtomicLong();

        Counts(SiteFingerprints siteFingerprints) {
            this.siteFingerprints = siteFingerprints;
        }
    }

    /**
     * One batch handed to the writer thread: practitioners with their lines, sites first met in the run, new reference
     * rows. {@code range}: the identifiers it reconciles when the file is sorted by identifier, else null.
     */
    private record Batch(Map<String, List<ActivityLine>> practitioners, List<PlacedSite> sites,
                         List<Map<String, Object>> professions, List<Map<String, Object>> specialties, IdRange range) {

        Batch reconciling(IdRange range) {
            return new Batch(practitioners, sites, professions, specialties, range);
        }
    }

    /** A site first met in this run, placed; its Cypher parameters are built only if it is new or changed. */
    private record PlacedSite(String id, SiteRow site, SitePlacement placement, long fingerprint) {
    }

    /** Identifiers in ({@code after}, {@code upTo}]; {@code upTo} null: to the last one. */
    private record IdRange(String after, String upTo) {
    }

    private void readActivities(Options options, ImportRun run, Counts counts, CommuneDirectory communes,
                                GeocodingTable geocoding, LocalDate date) throws IOException {
        String name = options.activityFile().getFileName().toString();
        Set<String> scope = options.departments() == null ? null : new HashSet<>(options.departments());
        Set<String> knownProfessions = new HashSet<>();
        Set<String> knownSpecialties = new HashSet<>();
        Map<String, Boolean> writtenSites = new LinkedHashMap<>(1 << 16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > WRITTEN_SITES_CACHE;
            }
        };
        ExecutorService writerThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "rpps-writer"));
        Semaphore inFlight = new Semaphore(2);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        // The writer's first task, while the reader maps the first batches.
        writerThread.execute(() -> unlessFailed(failure, () -> counts.times.time("sites read",
                () -> counts.siteFingerprints.load(writer::sitesAfter, 5 * rangePage))));
        try (BufferedReader reader = DelimitedFile.strictReader(Files.newInputStream(options.activityFile()),
                StandardCharsets.UTF_8)) {
            String header = readHeader(reader, name);
            if (header == null) {
                throw new ImportFailedException(name + ": empty file, expected the PS_LibreAcces_Personne_activite header");
            }
            ActivityRowMapper mapper = ActivityRowMapper.forHeader(name, ActivityRowMapper.fieldsOf(stripBom(header)));
            counts.sortedById = ExtractionOrder.sortedById(options.activityFile(), mapper.nationalIdColumn());
            log.info("{}: {}", name, counts.sortedById ? "sorted by identifier, reconciled range by range"
                    : "not sorted by identifier, every practitioner read is stamped with the run");
            // Where the previous batch's identifiers ended: the next batch reconciles from there.
            String rangeEnd = "";
            Batch batch = newBatch();
            int batchLines = 0;
            String previousId = null;
            String text;
            long line = 1;
            while (true) {
                try {
                    text = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw new ImportFailedException(name + ": not valid UTF-8 after line " + line
                            + " (the extraction is published in UTF-8)", e);
                }
                if (text == null) {
                    break;
                }
                line++;
                if (text.isBlank()) {
                    continue;
                }
                run.rowRead();
                ActivityLine activity;
                try {
                    activity = mapper.map(text, ActivityRowMapper.fieldsOf(text), line);
                } catch (RowException e) {
                    run.reject(name, line, e.getMessage());
                    continue;
                }
                SitePlacement placement = activity.site() == null ? null
                        : SitePlacement.of(activity.site(), communes, geocoding);
                if (scope != null && (placement == null || !scope.contains(placement.departmentCode()))) {
                    counts.outOfScope++;
                    continue;
                }
                activity = activity.inDepartment(placement == null ? null : placement.departmentCode());
                // Flush only between two practitioners, so one practitioner's lines are written together.
                if (batchLines >= activityBatchLines && !activity.practitionerId().equals(previousId)) {
                    submit(counts.sortedById ? batch.reconciling(new IdRange(rangeEnd, previousId)) : batch,
                            writerThread, inFlight, failure, run.id(), date, options.departments(), counts);
                    rangeEnd = previousId;
                    batch = newBatch();
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
                    batch.specialties().add(specialtyParameters(activity.specialty()));
                }
                if (activity.site() != null && writtenSites.put(activity.site().id(), Boolean.TRUE) == null) {
                    batch.sites().add(new PlacedSite(activity.site().id(), activity.site(), placement,
                            siteFingerprint(activity.site(), placement)));
                }
            }
            submit(counts.sortedById ? batch.reconciling(new IdRange(rangeEnd, null)) : batch,
                    writerThread, inFlight, failure, run.id(), date, options.departments(), counts);
        } finally {
            writerThread.shutdown();
            try {
                writerThread.awaitTermination(1, TimeUnit.HOURS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        rethrow(failure);
        log.info("{}: reader waited {} s for the writer; writer thread CPU {} s (building parameters, waiting excluded); "
                        + "writer time by statement: {}", name, String.format("%.1f", counts.readerWaitNanos / 1e9),
                String.format("%.1f", counts.writerCpuNanos.get() / 1e9), counts.times);
    }

    private static String readHeader(BufferedReader reader, String name) throws IOException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new ImportFailedException(name + ": not valid UTF-8 in the header line (the extraction is published in UTF-8)", e);
        }
    }

    private static String stripBom(String header) {
        return header.startsWith("\uFEFF") ? header.substring(1) : header;
    }

    private static Batch newBatch() {
        return new Batch(new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), null);
    }

    private void submit(Batch batch, ExecutorService writerThread, Semaphore inFlight, AtomicReference<Throwable> failure,
                        String runId, LocalDate date, List<String> departments, Counts counts) {
        rethrow(failure);
        try {
            long waitStart = System.nanoTime();
            inFlight.acquire();
            counts.readerWaitNanos += System.nanoTime() - waitStart;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailedException("import interrupted", e);
        }
        writerThread.execute(() -> {
            try {
                unlessFailed(failure, () -> {
                    long cpuStart = THREADS.getCurrentThreadCpuTime();
                    write(batch, runId, date, departments, counts);
                    counts.writerCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
                });
            } finally {
                inFlight.release();
            }
        });
    }

    /** A writer task: skipped once a task has failed, its own failure kept for the reader to rethrow. */
    private static void unlessFailed(AtomicReference<Throwable> failure, Runnable task) {
        try {
            if (failure.get() == null) {
                task.run();
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    private static void rethrow(AtomicReference<Throwable> failure) {
        Throwable e = failure.get();
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e != null) {
            throw new ImportFailedException("writing practitioners failed: " + e.getMessage(), e);
        }
    }

    private void write(Batch batch, String runId, LocalDate date, List<String> departments, Counts counts) {
        StatementTimes times = counts.times;
        times.time("reference", () -> writer.writeReference(batch.professions(), batch.specialties()));
        writeSites(batch.sites(), runId, counts);
        counts.sites.addAndGet(batch.sites().size());
        Map<String, PractitionerWriter.Known> known = batch.range() == null
                ? times.time("known", () -> writer.known(batch.practitioners().keySet(), runId))
                : times.time("range", () -> reconcile(batch.range(), batch.practitioners().keySet(), date, departments,
                counts));
        List<Map<String, Object>> created = new ArrayList<>();
        List<Map<String, Object>> changed = new ArrayList<>();
        List<Map<String, Object>> appended = new ArrayList<>();
        AtomicLong unchanged = new AtomicLong();
        batch.practitioners().forEach((id, lines) -> {
            counts.lines.addAndGet(lines.size());
            long fingerprint = fingerprintOf(lines);
            PractitionerWriter.Known before = known.get(id);
            // Parameters are built only for what is written: most practitioners of a refresh are unchanged.
            if (before == null) {
                created.add(practitionerParameters(id, lines, fingerprint));
            } else if (before.seenThisRun()) {
                // More lines of a practitioner this run already wrote: the fingerprint sums all of them. Added here,
                // where long arithmetic wraps; Cypher's would fail on overflow.
                appended.add(practitionerParameters(id, lines, before.fingerprint() + fingerprint));
            } else if (!before.active() || before.fingerprint() != fingerprint) {
                changed.add(practitionerParameters(id, lines, fingerprint));
            } else {
                unchanged.incrementAndGet(); // nothing to write (stamped by known() when the file is not sorted)
            }
        });
        times.time("create", () -> writer.createPractitioners(created, runId, date));
        times.time("update", () -> writer.updatePractitioners(changed, runId, date, false));
        times.time("append", () -> writer.updatePractitioners(appended, runId, date, true));
        counts.created.addAndGet(created.size());
        counts.updated.addAndGet(changed.size());
        counts.unchanged.addAndGet(unchanged.get());
    }

    /**
     * What the graph holds in the batch's identifier range: practitioners of the batch are returned (to be compared by
     * fingerprint), active ones the file no longer lists between the two ends are retired at once. Sorted files only:
     * every identifier of the range is in this batch or nowhere in the file.
     */
    private Map<String, PractitionerWriter.Known> reconcile(IdRange range, Set<String> published, LocalDate date,
                                                            List<String> departments, Counts counts) {
        Map<String, PractitionerWriter.Known> known = new HashMap<>();
        String after = range.after();
        while (true) {
            List<PractitionerWriter.Held> page = writer.heldBetween(after, range.upTo(), rangePage);
            List<String> absent = new ArrayList<>();
            for (PractitionerWriter.Held held : page) {
                if (published.contains(held.id())) {
                    known.put(held.id(), new PractitionerWriter.Known(held.fingerprint(), held.active(), false));
                } else if (held.active()) {
                    absent.add(held.id());
                }
            }
            counts.retired.addAndGet(writer.retireAbsent(absent, date, departments));
            if (page.size() < rangePage) {
                return known;
            }
            after = page.get(page.size() - 1).id();
        }
    }

    /** New sites are created, changed ones rewritten, unchanged ones left alone (their fingerprint says which). */
    private void writeSites(List<PlacedSite> sites, String runId, Counts counts) {
        StatementTimes times = counts.times;
        SiteFingerprints fingerprints = counts.siteFingerprints;
        Map<String, Long> known = times.time("sites known", () -> fingerprints.known(sites.stream()
                .map(PlacedSite::id).toList(), writer::knownSites));
        List<Map<String, Object>> created = new ArrayList<>();
        List<Map<String, Object>> changed = new ArrayList<>();
        for (PlacedSite site : sites) {
            Long before = known.get(site.id());
            if (before != null && before == site.fingerprint()) {
                continue; // unchanged
            }
            (before == null ? created : changed).add(siteParameters(site));
            // Recorded before the write: a failed write ends the run, and these fingerprints with it.
            fingerprints.written(site.id(), site.fingerprint());
        }
        times.time("sites create", () -> writer.createSites(created, runId));
        times.time("sites update", () -> writer.updateSites(changed, runId));
    }

    /** A sum over the practitioner's lines, so their order does not matter. */
    static long fingerprintOf(List<ActivityLine> lines) {
        long fingerprint = 0;
        for (ActivityLine line : lines) {
            fingerprint += line.fingerprint();
        }
        return fingerprint;
    }

    static Map<String, Object> practitionerParameters(String id, List<ActivityLine> lines, long fingerprint) {
        Map<String, Object> row = new HashMap<>();
        row.put("id", id);
        row.put("p", CypherProperties.withoutNulls(lines.get(0).practitioner()));
        Set<String> professions = new java.util.LinkedHashSet<>();
        Set<String> specialties = new java.util.LinkedHashSet<>();
        Map<String, Map<String, Object>> activities = new LinkedHashMap<>();
        for (ActivityLine line : lines) {
            professions.add(line.profession().code());
            if (line.specialty() != null) {
                specialties.add(line.specialty().code());
            }
            activities.computeIfAbsent(line.activityId(), activityId -> CypherProperties.withoutNulls(line.activity()));
        }
        row.put("fingerprint", fingerprint);
        row.put("professions", List.copyOf(professions));
        row.put("specialties", List.copyOf(specialties));
        row.put("activities", List.copyOf(activities.values()));
        return row;
    }

    private static Map<String, Object> specialtyParameters(ActivityLine.Specialty specialty) {
        Map<String, Object> row = new HashMap<>();
        row.put("code", specialty.code());
        row.put("label", specialty.label());
        row.put("typeCode", specialty.typeCode());
        row.put("typeLabel", specialty.typeLabel());
        return row;
    }

    private static Map<String, Object> siteParameters(PlacedSite placed) {
        Map<String, Object> properties = new HashMap<>(placed.site().properties());
        properties.putAll(placementProperties(placed.site(), placed.placement()));
        Map<String, Object> row = new HashMap<>();
        row.put("id", placed.id());
        row.put("p", CypherProperties.withoutNulls(properties));
        row.put("latitude", placed.placement().latitude());
        row.put("longitude", placed.placement().longitude());
        row.put("territoryId", placed.placement().territoryId());
        row.put("fingerprint", placed.fingerprint());
        return row;
    }

    /** What a site row holds besides its published fields ({@link PractitionerWriter#SITE_PLACEMENT_KEYS}). */
    private static Map<String, Object> placementProperties(SiteRow site, SitePlacement placement) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("addressKey", site.addressKey());
        properties.put("departmentCode", placement.departmentCode());
        properties.put("locationSource", placement.locationSource());
        properties.put("unplacedReason", placement.unplacedReason() == null ? null : placement.unplacedReason().name());
        return properties;
    }

    /** Over everything written, so a refresh rewrites only the sites whose fields or placement changed. */
    static long siteFingerprint(SiteRow site, SitePlacement placement) {
        return new Fingerprint().add(site.properties(), ActivityRowMapper.SITE_KEYS)
                .add(placementProperties(site, placement), PractitionerWriter.SITE_PLACEMENT_KEYS)
                .add(placement.latitude()).add(placement.longitude()).add(placement.territoryId()).value();
    }

    // ---- SavoirFaire and Dipl_AutExerc: one link per line, to practitioners already in the graph ----

    static final List<String> SAVOIR_FAIRE_COLUMNS = List.of("Identification nationale PP", "Code type savoir-faire",
            "Libellé type savoir-faire", "Code savoir-faire", "Libellé savoir-faire");
    static final List<String> DIPLOMA_COLUMNS = List.of("Identification nationale PP", "Code type diplôme obtenu",
            "Libellé type diplôme obtenu", "Code diplôme obtenu", "Libellé diplôme obtenu", "Code type autorisation",
            "Libellé type autorisation", "Code discipline autorisation", "Libellé discipline autorisation");

    private void readSavoirFaire(Path file, ImportRun run) throws IOException {
        long linked = readLinked(file, run, SAVOIR_FAIRE_COLUMNS, (values, line) -> {
            if (values.get(3) == null) {
                throw new RowException("missing savoir-faire code");
            }
            Map<String, Object> row = new HashMap<>();
            row.put("practitionerId", values.get(0));
            row.put("typeCode", values.get(1));
            row.put("typeLabel", values.get(2));
            row.put("code", values.get(3));
            row.put("label", values.get(4));
            return row;
        }, writer::writeSavoirFaire);
        run.count("savoir-faire links", linked);
    }

    private void readDiplomas(Path file, ImportRun run) throws IOException {
        long linked = readLinked(file, run, DIPLOMA_COLUMNS, (values, line) -> {
            if (values.get(3) == null && values.get(5) == null) {
                throw new RowException("neither a diploma code nor an authorisation type");
            }
            Map<String, Object> row = new HashMap<>();
            row.put("practitionerId", values.get(0));
            row.put("diplomaTypeCode", values.get(1));
            row.put("diplomaTypeLabel", values.get(2));
            row.put("diplomaCode", values.get(3));
            row.put("diplomaLabel", values.get(4));
            row.put("authorisationTypeCode", values.get(5));
            row.put("authorisationTypeLabel", values.get(6));
            row.put("disciplineCode", values.get(7));
            row.put("disciplineLabel", values.get(8));
            return row;
        }, writer::writeDiplomas);
        run.count("diploma and authorisation links", linked);
    }

    @FunctionalInterface
    private interface LineMapping {
        Map<String, Object> map(List<String> values, long line);
    }

    /** Streams a 13-column companion file whose header holds {@code columns}; returns the links written. */
    private long readLinked(Path file, ImportRun run, List<String> columns, LineMapping mapping,
                            java.util.function.ToLongFunction<List<Map<String, Object>>> write) throws IOException {
        String name = file.getFileName().toString();
        long linked = 0;
        try (BufferedReader reader = DelimitedFile.strictReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            String header = readHeader(reader, name);
            List<String> headerFields = header == null ? List.of() : ActivityRowMapper.fieldsOf(stripBom(header));
            Map<String, Integer> positions = DelimitedFile.columns(headerFields);
            List<String> missing = columns.stream().filter(c -> !positions.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new ImportFailedException(name + ": unexpected header, missing columns " + missing);
            }
            List<Map<String, Object>> rows = new ArrayList<>(BATCH_LINES);
            String text;
            long line = 1;
            while (true) {
                try {
                    text = reader.readLine();
                } catch (CharacterCodingException e) {
                    throw new ImportFailedException(name + ": not valid UTF-8 after line " + line, e);
                }
                if (text == null) {
                    break;
                }
                line++;
                if (text.isBlank()) {
                    continue;
                }
                run.rowRead();
                try {
                    if (text.indexOf('"') >= 0) {
                        throw new RowException("stray quote: the extraction has no quoting, a \" means a broken line");
                    }
                    List<String> fields = ActivityRowMapper.fieldsOf(text);
                    if (fields.size() != headerFields.size()) {
                        throw new RowException("expected " + headerFields.size() + " columns, found " + fields.size());
                    }
                    List<String> values = new ArrayList<>(columns.size());
                    for (String column : columns) {
                        String value = fields.get(positions.get(column)).strip();
                        values.add(value.isEmpty() ? null : value);
                    }
                    if (values.get(0) == null) {
                        throw new RowException("missing national identifier (Identification nationale PP)");
                    }
                    rows.add(mapping.map(values, line));
                } catch (RowException e) {
                    run.reject(name, line, e.getMessage());
                }
                if (rows.size() >= BATCH_LINES) {
                    linked += write.applyAsLong(rows);
                    rows.clear();
                }
            }
            if (!rows.isEmpty()) {
                linked += write.applyAsLong(rows);
            }
        }
        return linked;
    }
}
