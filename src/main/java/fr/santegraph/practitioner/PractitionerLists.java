package fr.santegraph.practitioner;

import fr.santegraph.ingest.SourceImported;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * The practitioner lists front-ends ask most, kept once read: one profession's active practitioners in a
 * département or region, by name ({@code practitioners(filter: {territory, profession})}), whose pages, total and
 * counts per territory ({@code practitionerCounts(groupBy: PROFESSION, profession)}) then need no new read of every
 * match. A list is read the first time it is asked (once, however many requests ask it together: the others wait
 * for that read), in the order and with the criteria the Cypher path uses.
 *
 * <p>Freshness: every import of practitioners or territories (which relinks sites of merged communes) gives its
 * {@code DataVersion} node a new value; the lists kept are dropped at once when this process ran the import, or
 * within {@code santegraph.practitioner.lists-check} when another did, and those asked before are read again in the
 * background, most asked first, so that the first requests after an import do not queue behind those reads.
 * At most {@code santegraph.practitioner.lists-max-entries} practitioners are kept over all lists (least recently
 * asked dropped first).
 */
@Component
public class PractitionerLists {

    private static final Logger log = LoggerFactory.getLogger(PractitionerLists.class);
    private static final String VERSION = """
            OPTIONAL MATCH (p:DataVersion {id: 'practitioners'})
            OPTIONAL MATCH (t:DataVersion {id: 'territories'})
            RETURN coalesce(p.version, '') + '/' + coalesce(t.version, '') AS version""";
    /**
     * What {@link PractitionerService} reads for the same filter (the profession's active activities in the
     * départements by index, their active practitioners once each, in {@link PractitionerOrder#DEFAULT} order),
     * with the places of those activities' sites for the counts.
     */
    private static final String LIST = PractitionerService.PROFESSION_IN_DEPARTMENTS + """
              AND a.active
            MATCH (a)<-[:HAS_ACTIVITY]-(p:Practitioner) WHERE p.active
            WITH p, collect([(a)-[:AT_SITE]->(:Site)-[:LOCATED_IN]->(x:Territory) | x.id]) AS places
            """ + PractitionerOrder.DEFAULT.cypher().replace("WITH p ORDER BY", "WITH p, places ORDER BY") + """
            RETURN p.id AS id, reduce(all = [], some IN places | all + some) AS places""";
    /** Lists read again after a change, at most: the most asked of the previous generation. */
    static final int WARMED = 200;

    /** One profession in a set of départements (sorted, no repeats). */
    record Key(String profession, List<String> departments) {

        static Key of(String profession, Collection<String> departments) {
            return new Key(profession, departments.stream().distinct().sorted().toList());
        }
    }

    private static final class Kept {
        final CompletableFuture<PractitionerList> list = new CompletableFuture<>();
        final AtomicLong asked = new AtomicLong();
        volatile long lastAsked;
    }

    /** The lists and profession names read for one version of the directory. */
    private record Generation(String version, Instant checkedAt, Map<Key, Kept> lists,
                              Map<String, Optional<String>> professionNames) {

        Generation(String version, Instant checkedAt) {
            this(version, checkedAt, new ConcurrentHashMap<>(), new ConcurrentHashMap<>());
        }

        Generation checkedAt(Instant now) {
            return new Generation(version, now, lists, professionNames);
        }
    }

    private final Neo4jClient neo4j;
    private final boolean enabled;
    private final Duration checkInterval;
    private final long maxEntries;
    private final Clock clock;
    private final AtomicLong ticks = new AtomicLong();
    private final ExecutorService warmer = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "practitioner-lists");
        thread.setDaemon(true);
        return thread;
    });
    private volatile @Nullable Generation generation;

    @Autowired
    public PractitionerLists(Neo4jClient neo4j,
                             @Value("${santegraph.practitioner.lists:true}") boolean enabled,
                             @Value("${santegraph.practitioner.lists-check:10s}") Duration checkInterval,
                             @Value("${santegraph.practitioner.lists-max-entries:2000000}") long maxEntries) {
        this(neo4j, enabled, checkInterval, maxEntries, Clock.systemUTC());
    }

    PractitionerLists(Neo4jClient neo4j, boolean enabled, Duration checkInterval, long maxEntries, Clock clock) {
        this.neo4j = neo4j;
        this.enabled = enabled;
        this.checkInterval = checkInterval;
        this.maxEntries = maxEntries;
        this.clock = clock;
    }

    /** The page of that list; empty when lists are not kept (read it in Cypher then). */
    Optional<PractitionerList.Slice> page(String profession, Collection<String> departments, long offset, int limit,
                                          boolean descending) {
        return list(Key.of(profession, departments)).map(list -> list.page(offset, limit, descending));
    }

    /** The counts per territory of that list; empty when lists are not kept. */
    Optional<Map<String, Long>> counts(String profession, Collection<String> departments,
                                       Function<String, ? extends Collection<String>> containing) {
        return list(Key.of(profession, departments)).map(list -> list.counts(containing));
    }

    /**
     * The name of a profession, read once per version of the directory (what a count row is labelled with: a
     * statement per counts request otherwise).
     */
    Optional<String> professionName(String code) {
        Generation current = enabled ? current() : null;
        if (current == null) {
            return readProfessionName(code);
        }
        return current.professionNames().computeIfAbsent(code, this::readProfessionName);
    }

    private Optional<String> readProfessionName(String code) {
        return neo4j.query("MATCH (n:Profession {code: $code}) RETURN n.name").bind(code).to("code")
                .fetchAs(String.class).one();
    }

    /** Lists kept now (read or being read). */
    int kept() {
        Generation current = generation;
        return current == null ? 0 : current.lists().size();
    }

    @EventListener
    void sourceImported(SourceImported event) {
        if (SourceImported.PRACTITIONERS.equals(event.source()) || SourceImported.TERRITORIES.equals(event.source())) {
            changed();
        }
    }

    /** The graph changed behind this process's back (a test's wipe): nothing kept is answered again. */
    public void invalidate() {
        generation = null;
    }

    private Optional<PractitionerList> list(Key key) {
        if (!enabled) {
            return Optional.empty();
        }
        Generation current = current();
        Kept kept = current.lists().get(key);
        if (kept == null) {
            Kept created = new Kept();
            kept = current.lists().putIfAbsent(key, created);
            if (kept == null) {
                kept = created;
                read(key, created);
                evictBeyondBudget(current, key);
            }
        }
        kept.asked.incrementAndGet();
        kept.lastAsked = ticks.incrementAndGet();
        try {
            return Optional.of(kept.list.join());
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** Reads the list into {@code kept}; a failed read is forgotten (the next request tries again). */
    private void read(Key key, Kept kept) {
        try {
            List<String> ids = new ArrayList<>();
            List<List<String>> places = new ArrayList<>();
            neo4j.query(LIST).bind(key.profession()).to("profession").bind(key.departments()).to("departments")
                    .fetch().all().forEach(row -> {
                        ids.add((String) row.get("id"));
                        @SuppressWarnings("unchecked")
                        List<String> of = (List<String>) row.get("places");
                        places.add(of);
                    });
            PractitionerList list = PractitionerList.of(ids, places);
            kept.list.complete(list);
            if (list.size() == 0) {
                // Not kept: reading nobody again costs an index seek, and keeping every code a client makes up
                // ("zz1", "zz2"…) would grow without bound.
                Generation current = generation;
                if (current != null) {
                    current.lists().remove(key, kept);
                }
            }
        } catch (RuntimeException e) {
            Generation current = generation;
            if (current != null) {
                current.lists().remove(key, kept);
            }
            kept.list.completeExceptionally(e);
            throw e;
        }
    }

    /** Drops the least recently asked lists while more than the budget is kept (never the one just read). */
    private void evictBeyondBudget(Generation current, Key justRead) {
        long entries = 0;
        for (Kept kept : current.lists().values()) {
            entries += kept.list.isDone() && !kept.list.isCompletedExceptionally() ? kept.list.join().size() : 0;
        }
        if (entries <= maxEntries) {
            return;
        }
        List<Map.Entry<Key, Kept>> byAge = new ArrayList<>(current.lists().entrySet());
        byAge.sort(Comparator.comparingLong(e -> e.getValue().lastAsked));
        for (Map.Entry<Key, Kept> entry : byAge) {
            if (entries <= maxEntries) {
                break;
            }
            Kept kept = entry.getValue();
            if (entry.getKey().equals(justRead)) {
                continue;
            }
            if (kept.list.isDone() && !kept.list.isCompletedExceptionally()
                    && current.lists().remove(entry.getKey(), kept)) {
                entries -= kept.list.join().size();
            }
        }
    }

    private Generation current() {
        Generation current = generation;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.checkedAt().plus(checkInterval))) {
            return current;
        }
        synchronized (this) {
            current = generation;
            if (current != null && now.isBefore(current.checkedAt().plus(checkInterval))) {
                return current;
            }
            String version = version();
            if (current != null && current.version().equals(version)) {
                current = current.checkedAt(now);
                generation = current;
                return current;
            }
            if (current != null) {
                log.info("Practitioner lists out of date (graph version {}): read again", version);
            }
            return start(version, now, current);
        }
    }

    /** After an import in this process: a new generation now, the previous one's most asked lists read again. */
    private synchronized void changed() {
        Generation previous = generation;
        generation = null;
        if (previous != null && enabled) {
            start(version(), clock.instant(), previous);
        }
    }

    /** The new generation, made current; the previous one's most asked lists read again in the background. */
    private Generation start(String version, Instant now, @Nullable Generation previous) {
        Generation next = new Generation(version, now);
        generation = next;
        if (previous != null) {
            List<Key> asked = previous.lists().entrySet().stream()
                    .filter(e -> e.getValue().list.isDone() && !e.getValue().list.isCompletedExceptionally())
                    .sorted(Comparator.comparingLong((Map.Entry<Key, Kept> e) -> -e.getValue().asked.get()))
                    .limit(WARMED).map(Map.Entry::getKey).toList();
            if (!asked.isEmpty()) {
                warm(next, asked);
            }
        }
        return next;
    }

    private void warm(Generation next, List<Key> keys) {
        try {
            warmer.execute(() -> {
                long started = System.nanoTime();
                int read = 0;
                for (Key key : keys) {
                    if (generation != next) {
                        return;
                    }
                    Kept created = new Kept();
                    if (next.lists().putIfAbsent(key, created) == null) {
                        try {
                            read(key, created);
                            read++;
                        } catch (RuntimeException e) {
                            log.warn("Practitioner list {} not read again: {}", key, e.getMessage());
                        }
                    }
                }
                log.info("Practitioner lists: {} of those asked before read again in {} ms", read,
                        (System.nanoTime() - started) / 1_000_000);
            });
        } catch (RejectedExecutionException e) {
            log.debug("Practitioner lists not warmed: stopping");
        }
    }

    private String version() {
        return neo4j.query(VERSION).fetchAs(String.class).one().orElse("");
    }

    @PreDestroy
    void stop() {
        warmer.shutdownNow();
    }
}
