package fr.santegraph.territory;

import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.ReadTransaction;
import fr.santegraph.common.Pagination;
import fr.santegraph.common.TextFolding;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Reads territories: lookups, filtered pages, and the batched relations behind GraphQL fields. */
@Service
@ReadTransaction
public class TerritoryService {

    private static final String FILTER = """
            WITH t WHERE ($level IS NULL OR t.level = $level)
              AND ($name IS NULL OR t.searchName CONTAINS $name)
              AND ($includeRetired OR t.active)
            """;
    private static final String ORDER = """
            WITH t ORDER BY CASE WHEN $name IS NOT NULL AND t.searchName STARTS WITH $name THEN 0 ELSE 1 END,
                     CASE WHEN $name IS NULL THEN 0 ELSE size(t.searchName) END, t.code, t.level
            SKIP $offset LIMIT $limit
            """;

    static final int MAX_NAME_LENGTH = 200;

    /**
     * Territories {@code t} at {@code childLevels} inside {@code w}, a territory at one of {@code parentLevels}: by
     * the administrative hierarchy, EPCI membership, or for EPCIs through their communes. The walk goes only as
     * deep as the levels are apart: a region's départements are one hop away, not a walk through its thousands of
     * communes and their arrondissements (which made a region's children cost ~60k database hits).
     */
    static String descendants(Collection<TerritoryLevel> parentLevels, Collection<TerritoryLevel> childLevels) {
        int top = parentLevels.stream().mapToInt(TerritoryLevel::depth).min().orElse(0);
        int hops = childLevels.stream().filter(level -> level != TerritoryLevel.EPCI)
                .mapToInt(level -> level.depth() - top).max().orElse(0);
        List<String> branches = new ArrayList<>();
        if (hops > 0) {
            branches.add("MATCH (t:Territory)-[:PART_OF|MEMBER_OF*1..%d]->(w) RETURN DISTINCT t".formatted(hops));
        }
        if (childLevels.contains(TerritoryLevel.EPCI)) {
            // One row per EPCI, not per member commune (UNION deduplicates only across branches).
            branches.add("MATCH (t:Epci)<-[:MEMBER_OF]-(:Commune)-[:PART_OF*1..2]->(w) RETURN DISTINCT t");
        }
        if (branches.isEmpty()) {
            return "WITH w, null AS t WHERE false\n";
        }
        return "CALL (w) {\n  " + String.join("\n  UNION\n  ", branches) + "\n}\n";
    }

    private final Neo4jClient neo4j;
    private final Pagination pagination;
    private final TerritoryDirectory directory;

    public TerritoryService(Neo4jClient neo4j, Pagination pagination, TerritoryDirectory directory) {
        this.neo4j = neo4j;
        this.pagination = pagination;
        this.directory = directory;
    }

    // Lookups by id or code and single-valued relations come from the in-memory directory: no transaction.
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Territory> findById(String id) {
        return directory.get(id);
    }

    /** Territories by id, for fields of other features that point to territories. */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Map<String, Territory> findByIds(Collection<String> ids) {
        return directory.getAll(ids);
    }

    /** By code, and level when the code alone is ambiguous ("84" is a region and a département). */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<Territory> findByCode(String code, TerritoryLevel level) {
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

    public CountedConnection<Territory> find(TerritoryFilter filter, PageRequest page, boolean countNeeded) {
        TerritoryFilter f = filter == null ? TerritoryFilter.NONE : filter;
        if (f.nameContains() != null && f.nameContains().length() > MAX_NAME_LENGTH) {
            throw new InvalidArgumentException("nameContains is " + f.nameContains().length()
                    + " characters long; the longest territory name is far below " + MAX_NAME_LENGTH);
        }
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("level", f.level() == null ? null : f.level().name());
        String name = f.nameContains() == null ? null : TextFolding.fold(f.nameContains());
        parameters.put("name", name == null || name.isEmpty() ? null : name);
        parameters.put("includeRetired", f.retiredIncluded());
        parameters.put("offset", page.offset());
        parameters.put("limit", page.lookAhead());
        String match;
        if (f.within() != null) {
            String within = resolveWithin(f.within());
            parameters.put("within", within);
            match = "MATCH (w:Territory {id: $within})\n" + descendants(Set.of(TerritoryId.parse(within).level()),
                    f.level() == null ? EnumSet.allOf(TerritoryLevel.class) : Set.of(f.level()));
        } else if (parameters.get("name") != null) {
            // Anchored on the text index: with the filter alone the planner scans every territory (~0.5 s a search).
            match = "MATCH (t:Territory) WHERE t.searchName CONTAINS $name\n";
        } else if (f.level() != null) {
            match = "MATCH (t:Territory) WHERE t.level = $level\n";
        } else {
            match = "MATCH (t:Territory)\n";
        }
        List<Territory> items = List.copyOf(neo4j.query(match + FILTER + ORDER + "RETURN " + Territory.PROJECTION
                        + " AS t")
                .bindAll(parameters)
                .fetchAs(Territory.class).mappedBy((types, record) -> Territory.from(record.get("t")))
                .all());
        Long total = countNeeded
                ? neo4j.query(match + FILTER + "RETURN count(t) AS total").bindAll(parameters)
                        .fetchAs(Long.class).one().orElse(0L)
                : null;
        return pagination.connectionFromLookAhead(items, page, total);
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

    /** One page of children for each parent, in one query. */
    @SuppressWarnings("unchecked")
    public Map<String, CountedConnection<Territory>> children(Collection<String> parentIds, Set<TerritoryLevel> levels,
                                                              PageRequest page) {
        Map<String, CountedConnection<Territory>> result = new HashMap<>();
        Set<TerritoryLevel> parentLevels = parentIds.stream().map(id -> TerritoryId.parse(id).level())
                .collect(Collectors.toSet());
        neo4j.query("UNWIND $parents AS parentId\nMATCH (w:Territory {id: parentId})\n"
                        + descendants(parentLevels, levels) + """
                        WITH w, t WHERE t.level IN $levels AND t.active
                        WITH w, t ORDER BY t.code
                        WITH w, collect(t) AS found
                        RETURN w.id AS parentId, size(found) AS total,
                               [t IN found[$offset..($offset + $limit)] | %s] AS page
                        """.formatted(Territory.PROJECTION))
                .bind(List.copyOf(parentIds)).to("parents")
                .bind(levels.stream().map(Enum::name).toList()).to("levels")
                .bind(page.offset()).to("offset")
                .bind(page.limit()).to("limit")
                .fetchAs(Map.Entry.class)
                .mappedBy((types, record) -> Map.entry(record.get("parentId").asString(), pagination.connection(
                        record.get("page").asList(Territory::from), page, record.get("total").asLong())))
                .all()
                .forEach(entry -> result.put((String) entry.getKey(), (CountedConnection<Territory>) entry.getValue()));
        parentIds.forEach(id -> result.putIfAbsent(id, pagination.connection(List.of(), page, 0)));
        return result;
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    Map<String, Territory> related(Collection<String> ids, TerritoryRelation relation) {
        return directory.related(ids, relation);
    }

    @Transactional(propagation = Propagation.SUPPORTS)
    Map<String, List<String>> postalCodes(Collection<String> ids) {
        return directory.postalCodes(ids);
    }
}
