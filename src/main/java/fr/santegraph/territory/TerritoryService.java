package fr.santegraph.territory;

import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.Pagination;
import fr.santegraph.common.TextFolding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/**
 * Reads territories: lookups, filtered pages, children and the batched relations behind GraphQL fields, all from
 * the in-memory {@link TerritoryDirectory} (no database transaction).
 */
@Service
public class TerritoryService {

    static final int MAX_NAME_LENGTH = 200;

    private final Pagination pagination;
    private final TerritoryDirectory directory;
    private final ObjectProvider<PractitionerTally> tallies;

    public TerritoryService(Pagination pagination, TerritoryDirectory directory, ObjectProvider<PractitionerTally> tallies) {
        this.pagination = pagination;
        this.directory = directory;
        this.tallies = tallies;
    }

    public Optional<Territory> findById(String id) {
        return directory.get(id);
    }

    /** Territories by id, for fields of other features that point to territories. */
    public Map<String, Territory> findByIds(Collection<String> ids) {
        return directory.getAll(ids);
    }

    /** By code, and level when the code alone is ambiguous ("84" is a region and a département). */
    public Optional<Territory> findByCode(String code, @Nullable TerritoryLevel level) {
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        if (level != null) {
            return findById(level.id(normalized));
        }
        List<Territory> matches = directory.withCode(normalized);
        if (matches.size() > 1) {
            throw new InvalidArgumentException("code " + normalized + " names several territories ("
                    + matches.stream().map(Territory::id).toList() + "): give its level");
        }
        return matches.stream().findFirst();
    }

    /** Resolves a {@code within} argument: a territory id, or a code that names exactly one territory. */
    public String resolveWithin(String within) {
        if (within.contains(":")) {
            TerritoryId id = TerritoryId.parse(within);
            return findById(id.toString()).map(Territory::id)
                    .orElseThrow(() -> new InvalidArgumentException("no territory " + id));
        }
        return findByCode(within, null).map(Territory::id)
                .orElseThrow(() -> new InvalidArgumentException("no territory with code " + within));
    }

    /**
     * A filtered page, from the in-memory directory. Searching by name ignores case, accents, hyphens, apostrophes
     * and spaces, reads "st"/"ste" as "saint"/"sainte", and takes a postal or INSEE code (or its start) as well;
     * names starting with the search come first, the most populated first.
     */
    public CountedConnection<Territory> find(TerritoryFilter filter, PageRequest page, boolean countNeeded) {
        return find(filter, null, page, countNeeded);
    }

    /** The same, in {@code orderBy}'s order when given (else by closeness to the name searched, else by code). */
    public CountedConnection<Territory> find(TerritoryFilter filter, @Nullable TerritoryOrder orderBy, PageRequest page,
                                             boolean countNeeded) {
        TerritoryFilter f = filter == null ? TerritoryFilter.NONE : filter;
        if (f.nameContains() != null && f.nameContains().length() > MAX_NAME_LENGTH) {
            throw new InvalidArgumentException("nameContains is " + f.nameContains().length()
                    + " characters long; the longest territory name is far below " + MAX_NAME_LENGTH);
        }
        String folded = f.nameContains() == null ? null : TextFolding.fold(f.nameContains());
        String name = folded == null || folded.isEmpty() ? null : folded;
        Collection<TerritoryDirectory.Entry> candidates = f.within() != null ? directory.inside(resolveWithin(f.within()))
                : name != null ? directory.named(name) : directory.all();
        // Names starting with the search first, the most populated of them first (Évry-Courcouronnes, 66,700
        // inhabitants, before Évry, 398), then shorter names.
        String key = name == null ? null : TerritoryDirectory.nameKey(name);
        Comparator<TerritoryDirectory.Entry> order = name == null ? BY_CODE_AND_LEVEL
                : Comparator.comparing((TerritoryDirectory.Entry e) -> !e.nameKey().startsWith(key))
                        .thenComparing(e -> e.territory().population(), Comparator.nullsLast(Comparator.reverseOrder()))
                        .thenComparingInt(e -> e.searchName().length())
                        .thenComparing(BY_CODE_AND_LEVEL);
        Predicate<TerritoryDirectory.Entry> named = name == null ? e -> true : TerritoryDirectory.matcher(name);
        List<TerritoryDirectory.Entry> matching = candidates.stream()
                .filter(e -> f.level() == null || e.territory().level() == f.level())
                .filter(named)
                .filter(e -> f.retiredIncluded() || e.territory().active())
                .toList();
        List<Territory> first = firstInOrder(matching, orderBy != null ? orderBy.comparator(countsFor(orderBy)) : order,
                page.offset() + page.lookAhead()).stream().map(TerritoryDirectory.Entry::territory).toList();
        return pagination.connectionFromLookAhead(slice(first, page.offset(), page.lookAhead()), page,
                countNeeded ? (long) matching.size() : null);
    }

    /**
     * The first {@code limit} of {@code items} in {@code order}, in order. A page of 10 out of a one-letter search's
     * 30,000 matches keeps a heap of 10 instead of sorting them all.
     */
    static <T> List<T> firstInOrder(List<T> items, Comparator<? super T> order, long limit) {
        if (limit >= items.size() / 4) {
            return items.stream().sorted(order).limit(limit).toList();
        }
        int k = (int) limit;
        PriorityQueue<T> kept = new PriorityQueue<>(k + 1, order.reversed());
        for (T item : items) {
            if (kept.size() < k) {
                kept.add(item);
            } else if (k > 0 && order.compare(item, kept.peek()) < 0) {
                kept.poll();
                kept.add(item);
            }
        }
        List<T> first = new ArrayList<>(kept);
        first.sort(order);
        return first;
    }

    /** The counts a practitioner-count order sorts on; an unknown code is refused rather than sorted as all zeros. */
    private Map<String, Long> countsFor(TerritoryOrder orderBy) {
        orderBy.check();
        if (orderBy.field() != TerritoryOrder.Field.PRACTITIONER_COUNT) {
            return Map.of();
        }
        PractitionerTally tally = tallies.getIfAvailable();
        Map<String, Long> counts = tally == null ? Map.of() : tally.counts(orderBy.profession(), orderBy.specialty());
        if (counts.isEmpty()) {
            throw new InvalidArgumentException(orderBy.profession() != null
                    ? "no practitioner of profession " + orderBy.profession() + " was counted (see `professions`)"
                    : "no practitioner with savoir-faire " + orderBy.specialty() + " was counted (see `specialties`)");
        }
        return counts;
    }

    private static final Comparator<TerritoryDirectory.Entry> BY_CODE_AND_LEVEL =
            Comparator.comparing((TerritoryDirectory.Entry e) -> e.territory().code())
                    .thenComparing(e -> e.territory().level().name());

    private static <T> List<T> slice(List<T> items, long offset, int limit) {
        int from = (int) Math.min(offset, items.size());
        return items.subList(from, Math.min(items.size(), from + limit));
    }

    /**
     * The ids of a territory and of every territory below it along {@code PART_OF}/{@code MEMBER_OF} (up to three
     * links): where a site inside it can be located. EPCIs are left out (nothing is located in an EPCI).
     */
    public List<String> placesInside(String territoryId) {
        List<String> ids = new ArrayList<>();
        ids.add(territoryId);
        directory.inside(territoryId).stream().map(TerritoryDirectory.Entry::territory)
                .filter(t -> t.level() != TerritoryLevel.EPCI).map(Territory::id).forEach(ids::add);
        return ids;
    }

    /**
     * For each place, the active territories at {@code level} it lies in (itself included), up to three
     * {@code PART_OF}/{@code MEMBER_OF} links above it: a commune's EPCI, département and region.
     */
    public Map<String, List<String>> containingAt(Collection<String> placeIds, TerritoryLevel level) {
        return directory.containingAt(placeIds, level);
    }

    /**
     * The box around a territory's centroid and the centroids of the active communes and arrondissements inside it
     * ({@code [west, south, east, north]}, WGS 84): where a map or a catalogue places it. Null when none is known.
     */
    public @Nullable double[] boundingBox(String territoryId) {
        List<Territory> points = new ArrayList<>(directory.activeInside(territoryId,
                EnumSet.of(TerritoryLevel.COMMUNE, TerritoryLevel.MUNICIPAL_ARRONDISSEMENT)));
        directory.get(territoryId).ifPresent(points::add);
        double[] box = null;
        for (Territory t : points) {
            if (t.centroid() == null) {
                continue;
            }
            double lon = t.centroid().longitude();
            double lat = t.centroid().latitude();
            box = box == null ? new double[] {lon, lat, lon, lat}
                    : new double[] {Math.min(box[0], lon), Math.min(box[1], lat), Math.max(box[2], lon), Math.max(box[3], lat)};
        }
        return box;
    }

    /** Every active territory of the level. */
    public List<Territory> activeAt(TerritoryLevel level) {
        return directory.all().stream().map(TerritoryDirectory.Entry::territory)
                .filter(t -> t.active() && t.level() == level).toList();
    }

    /** The levels {@code children} lists by default: the next level down. */
    static Set<TerritoryLevel> defaultChildLevels(TerritoryLevel parent) {
        return switch (parent) {
            case REGION -> EnumSet.of(TerritoryLevel.DEPARTMENT);
            case DEPARTMENT, OVERSEAS_COLLECTIVITY, EPCI -> EnumSet.of(TerritoryLevel.COMMUNE);
            case COMMUNE -> EnumSet.of(TerritoryLevel.MUNICIPAL_ARRONDISSEMENT, TerritoryLevel.DELEGATED_COMMUNE,
                    TerritoryLevel.ASSOCIATED_COMMUNE);
            default -> EnumSet.noneOf(TerritoryLevel.class);
        };
    }

    /** One page of active children at {@code levels} for each parent, ordered by code. */
    public Map<String, CountedConnection<Territory>> children(Collection<String> parentIds, Set<TerritoryLevel> levels,
                                                              PageRequest page) {
        Map<String, CountedConnection<Territory>> result = new HashMap<>();
        for (String parentId : parentIds) {
            List<Territory> found = directory.activeInside(parentId, levels);
            result.put(parentId, pagination.connection(slice(found, page.offset(), page.limit()), page, found.size()));
        }
        return result;
    }

    Map<String, Territory> related(Collection<String> ids, TerritoryRelation relation) {
        return directory.related(ids, relation);
    }

    Map<String, List<String>> postalCodes(Collection<String> ids) {
        return directory.postalCodes(ids);
    }
}
