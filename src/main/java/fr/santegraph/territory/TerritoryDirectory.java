package fr.santegraph.territory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryConfig;
import org.neo4j.driver.Record;
import org.neo4j.driver.RoutingControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.web.context.WebApplicationContext;

/**
 * Every territory with its single-valued relations and postal codes, in memory. Territories are reference data
 * (about 40,000 nodes, a few MB, changed by a COG import once a year) read by nearly every request — as the
 * answer itself or as the commune, EPCI, département and region of a site, a value or a child — and a database
 * transaction per lookup cost more than everything else a request does. Lists, searches and counts still run in
 * Cypher.
 *
 * <p>Freshness: the territory importer gives {@code (:DataVersion {id: 'territories'})} a new version when it
 * finishes and tells this directory at once; other instances on the same database (an external server) see the
 * new version within {@code santegraph.territory.directory-check} and reload.
 */
@Component
public class TerritoryDirectory {

    private static final Logger log = LoggerFactory.getLogger(TerritoryDirectory.class);

    /** One territory and the ids of the territories its single-valued fields point to. */
    record Entry(Territory territory, String searchName, Map<TerritoryRelation, String> related,
                 List<String> postalCodes, String nameKey) {

        Entry(Territory territory, String searchName, Map<TerritoryRelation, String> related, List<String> postalCodes) {
            this(territory, searchName, related, postalCodes, TerritoryDirectory.nameKey(searchName));
        }
    }

    /**
     * {@code below}: the territories one {@code PART_OF} or {@code MEMBER_OF} link below each territory (communes of
     * a département or an EPCI, arrondissements of a commune).
     */
    private record Snapshot(String version, Map<String, Entry> byId, Map<String, List<Territory>> byCode,
                            Map<String, List<String>> below, NameIndex names,
                            Map<String, List<Entry>> insideCache, Map<String, List<Territory>> childrenCache,
                            Instant checkedAt) {

        Snapshot checkedAt(Instant now) {
            return new Snapshot(version, byId, byCode, below, names, insideCache, childrenCache, now);
        }
    }

    /**
     * What a search for {@code folded} (already {@link fr.santegraph.common.TextFolding folded}) looks for in names:
     * abbreviations written out ("st" and "ste" are "saint" and "sainte", as the COG spells them) and spaces dropped,
     * so that "st etienne" finds Saint-Étienne and "lhay les roses" L'Haÿ-les-Roses (whose apostrophe folds to a
     * space).
     */
    static String nameKey(String folded) {
        StringBuilder key = new StringBuilder(folded.length() + 8);
        for (String word : folded.split(" ")) {
            key.append(switch (word) {
                case "st" -> "saint";
                case "ste" -> "sainte";
                case "sts" -> "saints";
                case "stes" -> "saintes";
                default -> word;
            });
        }
        return key.toString();
    }

    /** A search that is a postal or INSEE code, or its start ("42000", "42", "2A0"). */
    private static final Pattern CODE = Pattern.compile("[0-9][0-9ab]{1,4}");

    /**
     * Whether an entry answers a search for {@code folded} — its name holds it, or its code or a postal code starts
     * so — with the search read once (a one-letter search tests every entry).
     */
    static Predicate<Entry> matcher(String folded) {
        String code = folded.replace(" ", "");
        if (CODE.matcher(code).matches()) {
            return e -> e.territory().code().toLowerCase(Locale.ROOT).startsWith(code)
                    || e.postalCodes().stream().anyMatch(postal -> postal.startsWith(code));
        }
        String key = nameKey(folded);
        return e -> e.nameKey().contains(key);
    }

    /**
     * Names by trigram of their {@link #nameKey key}: a search reads the entries holding the needle's rarest trigram
     * (a few hundred at most) instead of testing all 40,000 names. Codes (INSEE, lower-cased, and postal) in order,
     * so that a code's start reads its range only.
     */
    private record NameIndex(List<Entry> entries, Map<String, int[]> byTrigram, NavigableMap<String, List<Entry>> byCode) {

        static NameIndex of(Collection<Entry> all) {
            List<Entry> entries = List.copyOf(all);
            Map<String, List<Integer>> postings = new HashMap<>();
            for (int i = 0; i < entries.size(); i++) {
                String name = entries.get(i).nameKey();
                for (int j = 0; j + 3 <= name.length(); j++) {
                    List<Integer> list = postings.computeIfAbsent(name.substring(j, j + 3), k -> new ArrayList<>());
                    if (list.isEmpty() || list.get(list.size() - 1) != i) {
                        list.add(i);
                    }
                }
            }
            Map<String, int[]> byTrigram = new HashMap<>();
            postings.forEach((trigram, list) -> byTrigram.put(trigram, list.stream().mapToInt(Integer::intValue).toArray()));
            NavigableMap<String, List<Entry>> byCode = new TreeMap<>();
            for (Entry e : entries) {
                byCode.computeIfAbsent(e.territory().code().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
                for (String postal : e.postalCodes()) {
                    byCode.computeIfAbsent(postal, k -> new ArrayList<>()).add(e);
                }
            }
            return new NameIndex(entries, byTrigram, byCode);
        }

        List<Entry> containing(String folded) {
            String code = folded.replace(" ", "");
            if (CODE.matcher(code).matches()) {
                // Every code from "4200" up to, not including, "4201": those starting with it.
                Set<Entry> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                List<Entry> found = new ArrayList<>();
                byCode.subMap(code, true, code + Character.MAX_VALUE, false).values()
                        .forEach(list -> list.stream().filter(seen::add).forEach(found::add));
                return found;
            }
            String needle = nameKey(folded);
            if (needle.length() < 3) {
                List<Entry> found = new ArrayList<>();
                for (int i = 0; i < entries.size(); i++) {
                    if (entries.get(i).nameKey().contains(needle)) {
                        found.add(entries.get(i));
                    }
                }
                return found;
            }
            int[] rarest = null;
            for (int j = 0; j + 3 <= needle.length(); j++) {
                int[] posting = byTrigram.get(needle.substring(j, j + 3));
                if (posting == null) {
                    return List.of();
                }
                if (rarest == null || posting.length < rarest.length) {
                    rarest = posting;
                }
            }
            if (rarest == null) {
                return List.of(); // a needle shorter than a trigram is matched above
            }
            List<Entry> found = new ArrayList<>();
            for (int i : rarest) {
                if (entries.get(i).nameKey().contains(needle)) {
                    found.add(entries.get(i));
                }
            }
            return found;
        }
    }

    /**
     * Every territory with its one-hop links; the département, region and EPCI above it are followed in memory
     * along the parents (a territory is {@code PART_OF} one parent: commune → département → region).
     */
    private static final String LOAD = """
            MATCH (t:Territory)
            RETURN %s AS t, t.searchName AS searchName,
                   COLLECT { MATCH (t)-[:PART_OF]->(o:Territory) RETURN o.id }[0] AS parent,
                   COLLECT { MATCH (t)-[:MEMBER_OF]->(o:Epci) RETURN o.id }[0] AS epci,
                   COLLECT { MATCH (t)-[:MERGED_INTO]->(o:Commune) RETURN o.id }[0] AS mergedInto,
                   COLLECT { MATCH (t)-[:HAS_POSTAL_CODE]->(p:PostalCode) RETURN p.code ORDER BY p.code } AS postalCodes
            """.formatted(Territory.PROJECTION);

    /** What one row of {@link #LOAD} says. */
    private record Links(Territory territory, String searchName, String parent, String epci, String mergedInto,
                         List<String> postalCodes) {
    }

    /**
     * The directory's own reads: auto-committed outside any request transaction (and its Cypher timeout), on a
     * reader of a cluster.
     */
    private static final QueryConfig READ = QueryConfig.builder().withRouting(RoutingControl.READ).build();

    private final Driver driver;
    private final Duration checkInterval;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    @Autowired
    public TerritoryDirectory(Driver driver,
                              @Value("${santegraph.territory.directory-check:10s}") Duration checkInterval) {
        this(driver, checkInterval, Clock.systemUTC());
    }

    TerritoryDirectory(Driver driver, Duration checkInterval, Clock clock) {
        this.driver = driver;
        this.checkInterval = checkInterval;
        this.clock = clock;
    }

    public Optional<Territory> get(String id) {
        Entry entry = current().byId().get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.territory());
    }

    public Map<String, Territory> getAll(Collection<String> ids) {
        Map<String, Entry> byId = current().byId();
        Map<String, Territory> result = new HashMap<>();
        for (String id : ids) {
            Entry entry = byId.get(id);
            if (entry != null) {
                result.put(id, entry.territory());
            }
        }
        return result;
    }

    /** Territories with this code at any level, active first, then by level name. */
    public List<Territory> withCode(String code) {
        return current().byCode().getOrDefault(code, List.of());
    }

    Map<String, Territory> related(Collection<String> ids, TerritoryRelation relation) {
        Map<String, Entry> byId = current().byId();
        Map<String, Territory> result = new HashMap<>();
        for (String id : ids) {
            Entry entry = byId.get(id);
            String otherId = entry == null ? null : entry.related().get(relation);
            Entry other = otherId == null ? null : byId.get(otherId);
            if (other != null) {
                result.put(id, other.territory());
            }
        }
        return result;
    }

    Map<String, List<String>> postalCodes(Collection<String> ids) {
        Map<String, Entry> byId = current().byId();
        Map<String, List<String>> result = new HashMap<>();
        for (String id : ids) {
            Entry entry = byId.get(id);
            if (entry != null && !entry.postalCodes().isEmpty()) {
                result.put(id, entry.postalCodes());
            }
        }
        return result;
    }

    /** For each place, the active territories at {@code level} it lies in, up to three links above it. */
    Map<String, List<String>> containingAt(Collection<String> placeIds, TerritoryLevel level) {
        Snapshot current = current();
        Map<String, List<String>> result = new HashMap<>();
        for (String placeId : placeIds) {
            Set<String> seen = new LinkedHashSet<>();
            List<String> frontier = List.of(placeId);
            for (int hop = 0; hop <= 3 && !frontier.isEmpty(); hop++) {
                List<String> next = new ArrayList<>();
                for (String id : frontier) {
                    if (seen.add(id)) {
                        next.addAll(up(current, id));
                    }
                }
                frontier = next;
            }
            List<String> atLevel = seen.stream().map(current.byId()::get).filter(Objects::nonNull)
                    .map(Entry::territory).filter(t -> t.level() == level && t.active())
                    .map(Territory::id).sorted().toList();
            if (!atLevel.isEmpty()) {
                result.put(placeId, atLevel);
            }
        }
        return result;
    }

    /** The territories one {@code PART_OF} or {@code MEMBER_OF} link above this one. */
    private static List<String> up(Snapshot current, String id) {
        Entry entry = current.byId().get(id);
        if (entry == null) {
            return List.of();
        }
        List<String> up = new ArrayList<>(2);
        String parent = entry.related().get(TerritoryRelation.PARENT);
        if (parent != null) {
            up.add(parent);
        }
        // Only a commune is itself a member of its EPCI (an arrondissement reaches it through its commune).
        String epci = entry.related().get(TerritoryRelation.EPCI);
        if (epci != null && entry.territory().level() == TerritoryLevel.COMMUNE) {
            up.add(epci);
        }
        return up;
    }

    /** Every territory, retired ones included. */
    Collection<Entry> all() {
        return current().names().entries();
    }

    /** The territories whose folded name contains {@code foldedText}, retired ones included. */
    Collection<Entry> named(String foldedText) {
        return current().names().containing(foldedText);
    }

    /**
     * The territories inside {@code ancestorId}: up to three {@code PART_OF}/{@code MEMBER_OF} links below it
     * (communes of a département or EPCI, their arrondissements and delegated communes; départements, communes…
     * of a region), and the EPCIs with a member commune in it (one or two links below).
     */
    Collection<Entry> inside(String ancestorId) {
        return inside(current(), ancestorId);
    }

    // Computed once per territory and snapshot: a region's walk visits thousands of entries.
    private static List<Entry> inside(Snapshot current, String ancestorId) {
        return current.insideCache().computeIfAbsent(ancestorId, id -> walkInside(current, id));
    }

    /**
     * The active territories at {@code levels} inside {@code ancestorId}, by code then level; cached per snapshot
     * (a region's départements, a département's communes are asked for again and again).
     */
    List<Territory> activeInside(String ancestorId, Set<TerritoryLevel> levels) {
        Snapshot current = current();
        return current.childrenCache().computeIfAbsent(ancestorId + "|" + levels, key -> inside(current, ancestorId).stream()
                .map(Entry::territory)
                .filter(t -> levels.contains(t.level()) && t.active())
                .sorted(Comparator.comparing(Territory::code).thenComparing(t -> t.level().name()))
                .toList());
    }

    private static List<Entry> walkInside(Snapshot current, String ancestorId) {
        Map<String, Entry> found = new HashMap<>();
        List<String> level = List.of(ancestorId);
        for (int depth = 1; depth <= 3 && !level.isEmpty(); depth++) {
            List<String> next = new ArrayList<>();
            for (String id : level) {
                for (String child : current.below().getOrDefault(id, List.of())) {
                    Entry entry = current.byId().get(child);
                    if (entry == null) {
                        continue;
                    }
                    found.putIfAbsent(child, entry);
                    next.add(child);
                    // A commune's EPCI is its own MEMBER_OF link (only arrondissements inherit one).
                    String epci = entry.related().get(TerritoryRelation.EPCI);
                    if (depth <= 2 && entry.territory().level() == TerritoryLevel.COMMUNE && epci != null
                            && !epci.equals(ancestorId) && current.byId().containsKey(epci)) {
                        found.putIfAbsent(epci, current.byId().get(epci));
                    }
                }
            }
            level = next;
        }
        return List.copyOf(found.values());
    }

    /** Called when the graph changed behind this process's back: the next lookup reads the territories again. */
    public void invalidate() {
        snapshot = null;
    }

    /** Reads the territories now (after an import, so that no request waits for it). */
    public void refresh() {
        synchronized (this) {
            Instant now = clock.instant();
            snapshot = load(version(), now);
        }
    }

    /** The service reads them once before its first request; an import command does not need them. */
    @EventListener(ApplicationReadyEvent.class)
    void warmUp(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebApplicationContext) {
            try {
                current();
            } catch (RuntimeException e) {
                log.warn("territories not read at start-up ({}); the first request will", e.getMessage());
            }
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current != null && clock.instant().isBefore(current.checkedAt().plus(checkInterval))) {
            return current;
        }
        synchronized (this) {
            current = snapshot;
            Instant now = clock.instant();
            if (current != null && now.isBefore(current.checkedAt().plus(checkInterval))) {
                return current;
            }
            String version = version();
            if (current != null && current.version().equals(version)) {
                current = current.checkedAt(now);
            } else {
                current = load(version, now);
            }
            snapshot = current;
            return current;
        }
    }

    private String version() {
        return driver.executableQuery("OPTIONAL MATCH (v:DataVersion {id: 'territories'}) RETURN coalesce(v.version, '') AS version")
                .withConfig(READ).execute().records().get(0).get("version").asString();
    }

    private Snapshot load(String version, Instant now) {
        long started = System.nanoTime();
        // Its own read transaction, without the request's Cypher timeout: a national load takes a few seconds.
        Map<String, Links> links = new HashMap<>();
        for (Record record : driver.executableQuery(LOAD)
                .withConfig(READ).execute().records()) {
            Territory territory = Territory.from(record.get("t"));
            links.put(territory.id(), new Links(territory, record.get("searchName").asString(""),
                    record.get("parent").asString(null),
                    record.get("epci").asString(null), record.get("mergedInto").asString(null),
                    List.copyOf(record.get("postalCodes").asList(org.neo4j.driver.Value::asString))));
        }
        Map<String, Entry> byId = new HashMap<>();
        Map<String, List<Territory>> byCode = new HashMap<>();
        Map<String, List<String>> below = new HashMap<>();
        for (Links link : links.values()) {
            Map<TerritoryRelation, String> related = new EnumMap<>(TerritoryRelation.class);
            put(related, TerritoryRelation.PARENT, link.parent());
            put(related, TerritoryRelation.MERGED_INTO, link.mergedInto());
            put(related, TerritoryRelation.DEPARTMENT, ancestor(links, link, TerritoryLevel.DEPARTMENT, 2));
            put(related, TerritoryRelation.REGION, ancestor(links, link, TerritoryLevel.REGION, 3));
            // Arrondissements and delegated communes are in the EPCI of their commune.
            Links parent = link.parent() == null ? null : links.get(link.parent());
            put(related, TerritoryRelation.EPCI, link.epci() != null ? link.epci()
                    : parent != null && parent.territory().level() == TerritoryLevel.COMMUNE ? parent.epci() : null);
            byId.put(link.territory().id(), new Entry(link.territory(), link.searchName(), related, link.postalCodes()));
            if (link.parent() != null) {
                below.computeIfAbsent(link.parent(), id -> new ArrayList<>()).add(link.territory().id());
            }
            if (link.epci() != null) {
                below.computeIfAbsent(link.epci(), id -> new ArrayList<>()).add(link.territory().id());
            }
            byCode.computeIfAbsent(link.territory().code(), code -> new ArrayList<>()).add(link.territory());
        }
        Comparator<Territory> activeFirst = Comparator.comparing((Territory t) -> !t.active())
                .thenComparing(t -> t.level().name());
        byCode.replaceAll((code, territories) -> territories.stream().sorted(activeFirst).toList());
        log.info("Territory directory: {} territories loaded (version {}) in {} ms", byId.size(), version,
                (System.nanoTime() - started) / 1_000_000);
        below.replaceAll((id, ids) -> List.copyOf(ids));
        return new Snapshot(version, Map.copyOf(byId), Map.copyOf(byCode), Map.copyOf(below),
                NameIndex.of(byId.values()), new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), now);
    }

    /** The first territory of {@code level} at most {@code hops} parents above. */
    private static @Nullable String ancestor(Map<String, Links> links, Links start, TerritoryLevel level, int hops) {
        Links current = start;
        for (int hop = 0; hop < hops && current.parent() != null; hop++) {
            current = links.get(current.parent());
            if (current == null) {
                return null;
            }
            if (current.territory().level() == level) {
                return current.territory().id();
            }
        }
        return null;
    }

    private static void put(Map<TerritoryRelation, String> related, TerritoryRelation relation, @Nullable String id) {
        if (id != null) {
            related.put(relation, id);
        }
    }
}
