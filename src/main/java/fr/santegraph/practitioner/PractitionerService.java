package fr.santegraph.practitioner;

import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.Pagination;
import fr.santegraph.common.ReadTransaction;
import fr.santegraph.common.Rows;
import fr.santegraph.common.SortDirection;
import fr.santegraph.common.TextFolding;
import fr.santegraph.practitioner.PractitionerFilter.PractitionerGrouping;
import fr.santegraph.territory.Territory;
import fr.santegraph.territory.TerritoryId;
import fr.santegraph.territory.TerritoryLevel;
import fr.santegraph.territory.TerritoryService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.neo4j.driver.types.Point;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

/** Reads practitioners: lookups, filtered pages, counts per territory, and the batched relations behind GraphQL. */
@Service
@ReadTransaction
public class PractitionerService {

    /**
     * The territories {@code x} a site inside the filter's territory can be located in: that territory and every one
     * below it, listed in {@code $inside} from the in-memory territories (a variable-length walk per request, and
     * again per practitioner in the filter, cost seconds on a national graph).
     */
    static final String INSIDE = "(x:Territory) WHERE x.id IN $inside";
    /** The filter's area on a site {@code s}: within the circle ({@code near}) and the box ({@code bbox}) given. */
    static final String SITE_IN_AREA = "($point IS NULL OR point.distance(s.location, $point) <= $radius)"
            + " AND ($lowerLeft IS NULL OR point.withinBBox(s.location, $lowerLeft, $upperRight))";
    static final double MAX_RADIUS_KM = 200;
    /** One profession's activities in départements ({@code $departments}), by the activity's indexed département. */
    static final String PROFESSION_IN_DEPARTMENTS = """
            MATCH (a:Activity)
            WHERE a.professionCode = $profession AND a.departmentCode IN $departments
            """;
    private static final String DEPARTMENT_ID_PREFIX = TerritoryLevel.DEPARTMENT.id("");
    /** Activities published without any site, in départements {@code $departments}, by index. */
    static final String WITHOUT_SITE = """
            MATCH (a:Activity)
            WHERE a.unplacedReason = 'NO_SITE' AND a.departmentCode IN $departments
              AND ($includeRetired OR a.active) AND ($mode IS NULL OR a.modeCode = $mode)
              AND ($profession IS NULL OR a.professionCode = $profession)
            MATCH (a)<-[:HAS_ACTIVITY]-(p:Practitioner)
            """;

    /** Practitioners matching the activity-level criteria on one same activity (and site). */
    private static final String FILTER = """
            WITH DISTINCT p
            WHERE ($includeRetired OR p.active)
              AND ($name IS NULL OR p.searchName CONTAINS $name)
              AND ($practitionerProfession IS NULL
                   OR EXISTS { (p)-[:HAS_PROFESSION]->(:Profession {code: $practitionerProfession}) })
              AND ($specialty IS NULL OR EXISTS { (p)-[:HAS_SPECIALTY]->(:Specialty {code: $specialty}) })
              AND (NOT $activityFilter OR EXISTS {
                    MATCH (p)-[:HAS_ACTIVITY]->(a:Activity)
                    WHERE ($includeRetired OR a.active) AND ($mode IS NULL OR a.modeCode = $mode)
                      AND (NOT $siteFilter OR EXISTS {
                            MATCH (a)-[:AT_SITE]->(s:Site)
                            WHERE %s
                              AND ($placed IS NULL OR (s.unplacedReason IS NULL) = $placed)
                              AND ($territory IS NULL OR EXISTS {
                                    MATCH (s)-[:LOCATED_IN]->(x:Territory) WHERE x.id IN $inside })
                      })
              })
            """.formatted(SITE_IN_AREA);
    private static final String PROJECTION = "p {.*}";

    private final Neo4jClient neo4j;
    private final Pagination pagination;
    private final TerritoryService territories;
    private final PractitionerLists lists;

    public PractitionerService(Neo4jClient neo4j, Pagination pagination, TerritoryService territories,
                               PractitionerLists lists) {
        this.neo4j = neo4j;
        this.pagination = pagination;
        this.territories = territories;
        this.lists = lists;
    }

    /** The practitioners behind these ids (global or national), in one query; unknown ones left out. */
    public List<Practitioner> findByIds(Collection<String> ids) {
        return List.copyOf(neo4j.query("MATCH (p:Practitioner) WHERE p.id IN $ids RETURN " + PROJECTION + " AS p")
                .bind(ids.stream().map(Practitioner::nationalIdOf).toList()).to("ids")
                .fetchAs(Practitioner.class).mappedBy((types, record) -> Practitioner.from(record.get("p"))).all());
    }

    public Optional<Practitioner> findById(String id) {
        return neo4j.query("MATCH (p:Practitioner {id: $id}) RETURN " + PROJECTION + " AS p")
                .bind(Practitioner.nationalIdOf(id)).to("id")
                .fetchAs(Practitioner.class).mappedBy((types, record) -> Practitioner.from(record.get("p"))).one();
    }

    /** The Cypher parameters of a filter; the territory is resolved (id or unambiguous code) or refused. */
    Map<String, Object> parameters(PractitionerFilter filter) {
        PractitionerFilter f = filter == null ? PractitionerFilter.NONE : filter;
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("includeRetired", f.retiredIncluded());
        String name = f.name() == null ? null : TextFolding.fold(f.name());
        parameters.put("name", name == null || name.isEmpty() ? null : name);
        parameters.put("profession", blankToNull(f.profession()));
        // Checked on the practitioner's profession links unless the way in already checked it on the activity.
        parameters.put("practitionerProfession", parameters.get("profession"));
        parameters.put("specialty", blankToNull(f.specialty()));
        parameters.put("mode", f.modeOfPractice() == null ? null : f.modeOfPractice().code);
        parameters.put("placed", f.placed());
        String territory = f.territory() == null ? null : territories.resolveWithin(f.territory().strip());
        parameters.put("territory", territory);
        List<String> inside = territory == null ? List.of() : territories.placesInside(territory);
        parameters.put("inside", inside);
        parameters.put("departments", departmentsCovering(territory, inside));
        if (f.near() != null) {
            var near = f.near();
            if (Math.abs(near.latitude()) > 90 || Math.abs(near.longitude()) > 180) {
                throw new InvalidArgumentException("near: latitude must be within ±90 and longitude within ±180");
            }
            if (!(near.radiusKm() > 0) || near.radiusKm() > MAX_RADIUS_KM) {
                throw new InvalidArgumentException("near: radiusKm must be above 0 and at most " + MAX_RADIUS_KM);
            }
            parameters.put("point", Values.point(4326, near.longitude(), near.latitude()).asPoint());
            parameters.put("radius", near.radiusKm() * 1000);
        } else {
            parameters.put("point", null);
            parameters.put("radius", null);
        }
        if (f.bbox() != null) {
            String problem = f.bbox().problem();
            if (problem != null) {
                throw new InvalidArgumentException(problem);
            }
            parameters.put("lowerLeft", Values.point(4326, f.bbox().west(), f.bbox().south()).asPoint());
            parameters.put("upperRight", Values.point(4326, f.bbox().east(), f.bbox().north()).asPoint());
        } else {
            parameters.put("lowerLeft", null);
            parameters.put("upperRight", null);
        }
        boolean area = parameters.get("point") != null || parameters.get("lowerLeft") != null;
        parameters.put("area", area);
        boolean siteFilter = area || f.placed() != null || parameters.get("territory") != null;
        parameters.put("siteFilter", siteFilter);
        parameters.put("activityFilter", siteFilter || parameters.get("mode") != null);
        return parameters;
    }

    /**
     * The codes of the départements that make up a département or region (the {@code departmentCode} its activities
     * carry); null for any other territory. A site is located in a place inside such a territory exactly when its
     * département is one of them, since a site is placed in a commune or, lacking one, in its département.
     */
    static @Nullable List<String> departmentsCovering(@Nullable String territoryId, List<String> inside) {
        TerritoryLevel level = territoryId == null ? null : TerritoryId.parse(territoryId).level();
        if (level != TerritoryLevel.DEPARTMENT && level != TerritoryLevel.REGION) {
            return null;
        }
        return inside.stream().filter(id -> id.startsWith(DEPARTMENT_ID_PREFIX))
                .map(id -> id.substring(DEPARTMENT_ID_PREFIX.length())).toList();
    }

    /**
     * The most selective way in: a profession in départements, a territory, a circle, a name, a profession, else
     * every practitioner.
     */
    private static String start(Map<String, Object> p) {
        if (p.get("departments") != null && p.get("profession") != null) {
            // That profession's activities in those départements, by index, the other criteria checked on them.
            p.put("activityFilter", false);
            p.put("practitionerProfession", null);
            return PROFESSION_IN_DEPARTMENTS + """
                      AND ($includeRetired OR a.active) AND ($mode IS NULL OR a.modeCode = $mode)
                      AND (NOT $area AND $placed IS NULL OR EXISTS {
                            MATCH (a)-[:AT_SITE]->(s:Site)
                            WHERE %s
                              AND ($placed IS NULL OR (s.unplacedReason IS NULL) = $placed) })
                    MATCH (a)<-[:HAS_ACTIVITY]-(p:Practitioner)
                    """.formatted(SITE_IN_AREA);
        }
        if (p.get("territory") != null) {
            // The activity and site criteria are checked on the way in, on the activity found: the filter's
            // EXISTS over the practitioner's activities would only find it again. The profession is checked on
            // the activity too, so that a département's other professions are dropped before they are sorted.
            p.put("activityFilter", false);
            p.put("practitionerProfession", null);
            String atSites = """
                    MATCH %s
                    MATCH (x)<-[:LOCATED_IN]-(s:Site)<-[:AT_SITE]-(a:Activity)<-[:HAS_ACTIVITY]-(p:Practitioner)
                    WHERE ($includeRetired OR a.active) AND ($mode IS NULL OR a.modeCode = $mode)
                      AND ($profession IS NULL OR a.professionCode = $profession)
                      AND %2$s
                      AND ($placed IS NULL OR (s.unplacedReason IS NULL) = $placed)
                    """.formatted(INSIDE, SITE_IN_AREA);
            if (!Boolean.FALSE.equals(p.get("placed")) || p.get("departments") == null || Boolean.TRUE.equals(p.get("area"))) {
                return atSites;
            }
            // Unplaced in a département or region: also those with no site at all whose line tells that département.
            return "CALL () {\n" + atSites + "RETURN p\nUNION\n" + WITHOUT_SITE + "RETURN p\n}\n";
        }
        if (p.get("point") != null) {
            return """
                    MATCH (s0:Site) WHERE point.distance(s0.location, $point) <= $radius
                    MATCH (s0)<-[:AT_SITE]-(:Activity)<-[:HAS_ACTIVITY]-(p:Practitioner)
                    """;
        }
        if (p.get("lowerLeft") != null) {
            // The box by the sites' point index.
            return """
                    MATCH (s0:Site) WHERE point.withinBBox(s0.location, $lowerLeft, $upperRight)
                    MATCH (s0)<-[:AT_SITE]-(:Activity)<-[:HAS_ACTIVITY]-(p:Practitioner)
                    """;
        }
        if (p.get("name") != null) {
            return "MATCH (p:Practitioner) WHERE p.searchName CONTAINS $name\n";
        }
        if (p.get("profession") != null) {
            return "MATCH (:Profession {code: $profession})<-[:HAS_PROFESSION]-(p:Practitioner)\n";
        }
        return "MATCH (p:Practitioner)\n";
    }

    public CountedConnection<Practitioner> find(PractitionerFilter filter, @Nullable PractitionerOrder orderBy,
                                                PageRequest page, boolean countNeeded) {
        return find(filter, orderBy, page, countNeeded, null);
    }

    /**
     * A page; with {@code prefetched}, the page's activities may be read with it (when the page comes from the kept
     * lists: one statement for both) and put there.
     */
    @SuppressWarnings("unchecked")
    public CountedConnection<Practitioner> find(PractitionerFilter filter, @Nullable PractitionerOrder orderBy,
                                                PageRequest page, boolean countNeeded,
                                                @Nullable PrefetchedActivities prefetched) {
        String order = PractitionerOrder.orDefault(orderBy).cypher();
        Map<String, Object> parameters = parameters(filter);
        Optional<CountedConnection<Practitioner>> kept = fromLists(parameters, PractitionerOrder.orDefault(orderBy), page,
                countNeeded, prefetched);
        if (kept.isPresent()) {
            return kept.get();
        }
        parameters.put("offset", page.offset());
        parameters.put("limit", page.lookAhead());
        String match = start(parameters) + FILTER;
        if (countNeeded) {
            // Page and total from one pass over the matches rather than two; the matches are counted unsorted and
            // only the page is kept in order (a bounded sort: Gironde's 8,074 GPs for a page of 20).
            return neo4j.query(match + """
                            WITH collect(p) AS matching
                            CALL (matching) {
                              UNWIND matching AS p
                              %s SKIP $offset LIMIT $limit
                              RETURN collect(%s) AS page
                            }
                            RETURN size(matching) AS total, page
                            """.formatted(order.strip(), PROJECTION))
                    .bindAll(parameters)
                    .fetchAs(CountedConnection.class)
                    .mappedBy((types, record) -> pagination.connectionFromLookAhead(
                            record.get("page").asList(Practitioner::from), page, record.get("total").asLong()))
                    .one().map(connection -> (CountedConnection<Practitioner>) connection)
                    .map(connection -> {
                        if (connection.getEdges().isEmpty() && page.offset() == 0) {
                            requireKnownCodes(parameters);
                        }
                        return connection;
                    }).orElseThrow();
        }
        List<Practitioner> items = List.copyOf(neo4j.query(match + order
                        + "SKIP $offset LIMIT $limit\nRETURN "
                        + PROJECTION + " AS p")
                .bindAll(parameters)
                .fetchAs(Practitioner.class).mappedBy((types, record) -> Practitioner.from(record.get("p"))).all());
        if (items.isEmpty() && page.offset() == 0) {
            requireKnownCodes(parameters);
        }
        return pagination.connectionFromLookAhead(items, page, null);
    }

    /**
     * Whether a filter asks for exactly what the kept lists hold: one profession's active practitioners in a
     * département or region, by name, with no other criterion.
     */
    private static boolean keptInLists(Map<String, Object> p) {
        return p.get("departments") != null && p.get("profession") != null && !Boolean.TRUE.equals(p.get("includeRetired"))
                && p.get("name") == null && p.get("specialty") == null && p.get("mode") == null
                && p.get("placed") == null && !Boolean.TRUE.equals(p.get("area"));
    }

    /** The page from the kept lists (the practitioners then read by id), or empty when they cannot answer it. */
    @SuppressWarnings("unchecked")
    private Optional<CountedConnection<Practitioner>> fromLists(Map<String, Object> parameters, PractitionerOrder order,
                                                                PageRequest page, boolean countNeeded,
                                                                @Nullable PrefetchedActivities prefetched) {
        String profession = (String) parameters.get("profession");
        List<String> departments = (List<String>) parameters.get("departments");
        if (profession == null || departments == null || !keptInLists(parameters)
                || order.field() != PractitionerOrder.Field.NAME) {
            return Optional.empty();
        }
        return lists.page(profession, departments,
                page.offset(), page.lookAhead(), order.direction() == SortDirection.DESC)
                .map(slice -> {
                    // In the list's order, whatever order the statement returns them in.
                    Map<String, Practitioner> byId = (prefetched != null ? withActivities(slice.ids(), prefetched)
                            : findByIds(slice.ids())).stream()
                            .collect(Collectors.toMap(Practitioner::nationalId, Function.identity()));
                    List<Practitioner> items = slice.ids().stream().map(byId::get).filter(p -> p != null).toList();
                    if (items.isEmpty() && page.offset() == 0) {
                        requireKnownCodes(parameters);
                    }
                    return pagination.connectionFromLookAhead(items, page, countNeeded ? slice.total() : null);
                });
    }

    /**
     * Nothing found for a profession or specialty code the directory has never had is a typo, not a fact: the
     * caller is told which code is unknown. Checked only on an empty answer, so found pages cost nothing more.
     */
    private void requireKnownCodes(Map<String, Object> parameters) {
        requireKnownCodes((String) parameters.get("profession"), (String) parameters.get("specialty"));
    }

    /** The same for a profession and a specialty code (either may be null). */
    void requireKnownCodes(@Nullable String profession, @Nullable String specialty) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("profession", profession);
        parameters.put("specialty", specialty);
        Map<String, Object> known = neo4j.query("""
                        RETURN $profession IS NULL OR EXISTS { MATCH (:Profession {code: $profession}) } AS profession,
                               $specialty IS NULL OR EXISTS { MATCH (:Specialty {code: $specialty}) } AS specialty""")
                .bind(parameters.get("profession")).to("profession").bind(parameters.get("specialty")).to("specialty")
                .fetch().one().orElseThrow();
        if (!Boolean.TRUE.equals(known.get("profession"))) {
            throw new InvalidArgumentException("unknown profession code '" + parameters.get("profession")
                    + "' (RPPS codes such as 10 for doctors, 21 for pharmacists)");
        }
        if (!Boolean.TRUE.equals(known.get("specialty"))) {
            throw new InvalidArgumentException("unknown specialty code '" + parameters.get("specialty")
                    + "' (RPPS savoir-faire codes such as SM54 for general medicine)");
        }
    }


    private static final Map<PractitionerGrouping, String> GROUPS = Map.of(
            // The profession's label is looked up once per group, after counting, not once per activity.
            PractitionerGrouping.PROFESSION, "WITH t, p, a.professionCode AS code, null AS label\n",
            PractitionerGrouping.SPECIALTY, """
                    MATCH (p)-[:HAS_SPECIALTY]->(specialty:Specialty)
                    WITH t, p, specialty.code AS code, specialty.name AS label
                    """,
            PractitionerGrouping.MODE_OF_PRACTICE, "WITH t, p, a.modeCode AS code, a.mode AS label\n",
            PractitionerGrouping.UNPLACED_REASON, """
                    WITH t, p, s WHERE s.unplacedReason IS NOT NULL
                    WITH t, p, s.unplacedReason AS code, null AS label
                    """);

    /** Count rows as the query orders them: by territory, largest count first, then by code (none first). */
    private static final Comparator<Map<String, Object>> COUNT_ROWS =
            Comparator.comparing((Map<String, Object> row) -> (String) row.get("t"))
                    .thenComparing(row -> -Rows.number(row, "count"))
                    .thenComparing(row -> (String) row.get("code"), Comparator.nullsFirst(Comparator.naturalOrder()));

    /** Active practitioners in a territory (or in each of its sub-territories of {@code level}), per group. */
    public List<PractitionerCount> counts(String territoryId, PractitionerGrouping groupBy, TerritoryLevel level,
                                          PractitionerFilter filter) {
        Map<String, Object> parameters = parameters(filter);
        List<String> inside = territories.placesInside(territoryId);
        parameters.put("w", territoryId);
        parameters.put("inside", inside);
        parameters.put("level", level == null ? null : level.name());
        // The sub-territories each place counts for, from the in-memory territories (not a walk per activity).
        parameters.put("containing", level == null ? Map.of() : territories.containingAt(inside, level));
        List<String> departments = departmentsCovering(territoryId, inside);
        parameters.put("departments", departments);
        Optional<List<Map<String, Object>>> kept = countsFromLists(parameters, groupBy);
        List<Map<String, Object>> rows = kept.isPresent() ? kept.get() : countRows(parameters, groupBy);
        if (rows.isEmpty()) {
            requireKnownCodes(parameters);
        }
        if (level != null) {
            rows = withZeros(rows, parameters, groupBy);
        }
        Map<String, Territory> byId = territories.findByIds(rows.stream().map(row -> (String) row.get("t")).distinct().toList());
        return rows.stream().map(row -> new PractitionerCount(byId.get((String) row.get("t")), (String) row.get("code"),
                (String) row.get("label"), Rows.number(row, "count"))).toList();
    }

    /**
     * One profession's counts in a département or region from the kept lists, as {@link #countRows} reads them;
     * empty when the lists cannot answer (another grouping or criterion, or lists turned off).
     */
    @SuppressWarnings("unchecked")
    private Optional<List<Map<String, Object>>> countsFromLists(Map<String, Object> parameters,
                                                                PractitionerGrouping groupBy) {
        String profession = (String) parameters.get("profession");
        List<String> departments = (List<String>) parameters.get("departments");
        if (groupBy != PractitionerGrouping.PROFESSION || departments == null || profession == null
                || parameters.get("mode") != null || parameters.get("specialty") != null) {
            return Optional.empty();
        }
        Map<String, List<String>> containing = (Map<String, List<String>>) parameters.get("containing");
        Function<String, List<String>> within;
        if (parameters.get("level") == null) {
            List<String> whole = List.of(Rows.text(parameters, "w"));
            within = place -> whole;
        } else {
            within = Objects.requireNonNull(containing, "a level is counted over the territories it contains")::get;
        }
        return lists.counts(profession, departments, within)
                .map(counts -> {
                    String label = counts.isEmpty() ? null : lists.professionName(profession).orElse(null);
                    List<Map<String, Object>> rows = new ArrayList<>();
                    counts.forEach((t, count) -> rows.add(countRow(t, profession, label, count)));
                    rows.sort(COUNT_ROWS);
                    return rows;
                });
    }

    /** A count row as the Cypher counts return it (a mutable map: its label and code may be null). */
    private static Map<String, Object> countRow(String territory, @Nullable String code, @Nullable String label,
                                                long count) {
        Map<String, Object> row = new HashMap<>();
        row.put("t", territory);
        row.put("code", code);
        row.put("label", label);
        row.put("count", count);
        return row;
    }

    /** The counts per territory and group, in Cypher, ordered as {@link #COUNT_ROWS} orders them. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> countRows(Map<String, Object> parameters, PractitionerGrouping groupBy) {
        List<String> departments = (List<String>) parameters.get("departments");
        // One profession in départements: its activities by index, rather than every activity of the territory.
        String activities = departments != null && parameters.get("profession") != null ? PROFESSION_IN_DEPARTMENTS + """
                  AND a.active
                MATCH (a)-[:AT_SITE]->(s:Site)-[:LOCATED_IN]->(x:Territory)
                MATCH (a)<-[:HAS_ACTIVITY]-(p:Practitioner {active: true})
                """ : """
                MATCH %s
                MATCH (x)<-[:LOCATED_IN]-(s:Site)<-[:AT_SITE]-(a:Activity {active: true})<-[:HAS_ACTIVITY]-(p:Practitioner {active: true})
                """.formatted(INSIDE);
        String query = activities + """
                WHERE ($profession IS NULL OR a.professionCode = $profession) AND ($mode IS NULL OR a.modeCode = $mode)
                  AND ($specialty IS NULL OR EXISTS { (p)-[:HAS_SPECIALTY]->(:Specialty {code: $specialty}) })
                UNWIND CASE WHEN $level IS NULL THEN [$w] ELSE $containing[x.id] END AS t
                WITH t, p, a, s
                %s
                WITH t, code, label, count(DISTINCT p) AS count
                %s
                ORDER BY t, count DESC, code
                RETURN t, code, label, count
                """.formatted(GROUPS.get(groupBy), groupBy == PractitionerGrouping.PROFESSION ? """
                OPTIONAL MATCH (profession:Profession {code: code})
                WITH t, code, profession.name AS label, count""" : "");
        List<Map<String, Object>> rows = new ArrayList<>(neo4j.query(query).bindAll(parameters).fetch().all());
        if (groupBy == PractitionerGrouping.UNPLACED_REASON && departments != null) {
            parameters.put("includeRetired", false);
            // No site, so no commune: counted in its département, and in the region and country above it.
            rows.addAll(neo4j.query(WITHOUT_SITE + """
                    WHERE p.active
                      AND ($specialty IS NULL OR EXISTS { (p)-[:HAS_SPECIALTY]->(:Specialty {code: $specialty}) })
                    UNWIND CASE WHEN $level IS NULL THEN [$w]
                                ELSE coalesce($containing['department:' + a.departmentCode], []) END AS t
                    WITH t, count(DISTINCT p) AS count
                    RETURN t, 'NO_SITE' AS code, null AS label, count
                    """).bindAll(parameters).fetch().all());
            rows.sort(COUNT_ROWS);
        }
        return rows;
    }

    /**
     * Every territory of the level asked for gets a row, 0 for those without a practitioner, so that a choropleth
     * needs no join with {@code children}. Its group is the one the filter names (the profession counted…), else null.
     */
    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> withZeros(List<Map<String, Object>> rows, Map<String, Object> parameters,
                                                       PractitionerGrouping groupBy) {
        Set<String> counted = new HashSet<>();
        rows.forEach(row -> counted.add((String) row.get("t")));
        Set<String> every = new TreeSet<>();
        ((Map<String, List<String>>) Rows.get(parameters, "containing")).values().forEach(every::addAll);
        Object code = switch (groupBy) {
            case PROFESSION -> parameters.get("profession");
            case SPECIALTY -> parameters.get("specialty");
            case MODE_OF_PRACTICE -> parameters.get("mode");
            case UNPLACED_REASON -> null;
        };
        List<Map<String, Object>> all = new ArrayList<>(rows);
        for (String territory : every) {
            if (!counted.contains(territory)) {
                all.add(countRow(territory, (String) code, null, 0L));
            }
        }
        all.sort(COUNT_ROWS);
        return all;
    }

    /** GeoJSON features of the placed sites where practitioners matching the filter practise. */
    public List<Map<String, Object>> siteFeatures(PractitionerFilter filter, int limit) {
        Map<String, Object> parameters = parameters(filter);
        parameters.put("limit", limit);
        // Into a territory's places, or (a map's view without one) into the box by the sites' point index.
        String sites = parameters.get("territory") != null ? """
                MATCH %s
                MATCH (x)<-[:LOCATED_IN]-(s:Site)""".formatted(INSIDE) : """
                MATCH (s:Site) WHERE point.withinBBox(s.location, $lowerLeft, $upperRight)""";
        String query = """
                %s
                MATCH (s)<-[:AT_SITE]-(a:Activity {active: true})<-[:HAS_ACTIVITY]-(p:Practitioner {active: true})
                WHERE s.location IS NOT NULL
                  AND %2$s
                  AND ($profession IS NULL OR a.professionCode = $profession) AND ($mode IS NULL OR a.modeCode = $mode)
                  AND ($specialty IS NULL OR EXISTS { (p)-[:HAS_SPECIALTY]->(:Specialty {code: $specialty}) })
                WITH s, count(DISTINCT p) AS practitioners, collect(DISTINCT a.professionCode) AS professions
                ORDER BY s.id LIMIT $limit
                RETURN s.id AS id, s.name AS name, s.location AS location, s.locationSource AS source,
                       practitioners, professions
                """.formatted(sites, SITE_IN_AREA);
        return List.copyOf(neo4j.query(query).bindAll(parameters).fetch().all()).stream().map(row -> {
            Point point = (Point) Rows.get(row, "location");
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", row.get("id"));
            properties.put("name", row.get("name"));
            properties.put("practitioners", row.get("practitioners"));
            properties.put("professions", row.get("professions"));
            properties.put("locationSource", row.get("source"));
            Map<String, Object> feature = new LinkedHashMap<>();
            feature.put("type", "Feature");
            feature.put("id", row.get("id"));
            feature.put("geometry", Map.of("type", "Point", "coordinates", List.of(point.x(), point.y())));
            feature.put("properties", properties);
            return feature;
        }).toList();
    }

    /**
     * Active practitioners not on the map, per reason, for the whole country: at unplaced sites, and without any site
     * ({@code NO_SITE}) whether or not their line tells a département. {@code withoutDepartment}: of them, those
     * counted in no département.
     */
    public List<UnplacedCount> unplacedCounts() {
        return List.copyOf(neo4j.query("""
                CALL () {
                  MATCH (a:Activity) WHERE a.unplacedReason = 'NO_SITE' AND a.active
                  MATCH (a)<-[:HAS_ACTIVITY]-(p:Practitioner {active: true})
                  RETURN 'NO_SITE' AS reason, p, a.departmentCode IS NULL AS nowhere
                  UNION ALL
                  MATCH (s:Site) WHERE s.unplacedReason IS NOT NULL
                  MATCH (s)<-[:AT_SITE]-(:Activity {active: true})<-[:HAS_ACTIVITY]-(p:Practitioner {active: true})
                  RETURN s.unplacedReason AS reason, p, s.departmentCode IS NULL AS nowhere
                }
                WITH reason, p, all(n IN collect(nowhere) WHERE n) AS nowhere
                RETURN reason, count(p) AS count, count(CASE WHEN nowhere THEN p END) AS withoutDepartment
                ORDER BY reason
                """).fetchAs(UnplacedCount.class).mappedBy((types, record) -> new UnplacedCount(
                SitePlacement.UnplacedReason.valueOf(record.get("reason").asString()), record.get("count").asLong(),
                record.get("withoutDepartment").asLong())).all());
    }

    /** How many active practitioners are off the map for one reason, nationally. */
    public record UnplacedCount(SitePlacement.UnplacedReason reason, long count, long withoutDepartment) {
    }

    /** A profession and how many active practitioners have it. */
    public record ProfessionCount(@Nullable Profession profession, long practitioners) {
    }

    /** A specialty and how many active practitioners have it. */
    public record SpecialtyCount(@Nullable Specialty specialty, long practitioners) {
    }

    /** Every profession of the directory, most practitioners first (then by code): what a filter list offers. */
    public List<ProfessionCount> professionCounts() {
        return List.copyOf(neo4j.query("""
                        MATCH (x:Profession)
                        WITH x, COUNT { (x)<-[:HAS_PROFESSION]-(:Practitioner {active: true}) } AS practitioners
                        ORDER BY practitioners DESC, x.code
                        RETURN x {.code, .name} AS x, practitioners""")
                .fetchAs(ProfessionCount.class).mappedBy((types, r) -> new ProfessionCount(Profession.from(r.get("x")),
                        r.get("practitioners").asLong())).all());
    }

    /** Every specialty of the directory, most practitioners first (then by code). */
    public List<SpecialtyCount> specialtyCounts() {
        return List.copyOf(neo4j.query("""
                        MATCH (x:Specialty)
                        WITH x, COUNT { (x)<-[:HAS_SPECIALTY]-(:Practitioner {active: true}) } AS practitioners
                        ORDER BY practitioners DESC, x.code
                        RETURN x {.code, .name, .typeCode, .type} AS x, practitioners""")
                .fetchAs(SpecialtyCount.class).mappedBy((types, r) -> new SpecialtyCount(Specialty.from(r.get("x")),
                        r.get("practitioners").asLong())).all());
    }

    /** A mode of practice, its published code and label, and how many active practitioners practise in it. */
    public record ModeOfPracticeCount(@Nullable PractitionerFilter.ModeOfPractice modeOfPractice, CodedLabel published,
                                      long practitioners) {
    }

    /**
     * Every mode of practice, most practitioners first: distinct active practitioners with a current activity in
     * it (a practitioner both liberal and salaried counts in both). Enters by the activities' mode index.
     */
    public List<ModeOfPracticeCount> modeOfPracticeCounts() {
        List<String> codes = Arrays.stream(PractitionerFilter.ModeOfPractice.values()).map(m -> m.code).toList();
        Map<String, PractitionerFilter.ModeOfPractice> byCode = Arrays.stream(PractitionerFilter.ModeOfPractice.values())
                .collect(Collectors.toMap(m -> m.code, m -> m));
        return List.copyOf(neo4j.query("""
                        UNWIND $codes AS code
                        CALL (code) {
                          MATCH (a:Activity {modeCode: code})<-[:HAS_ACTIVITY]-(p:Practitioner)
                          WHERE a.active AND p.active
                          RETURN count(DISTINCT p) AS practitioners, min(a.mode) AS label
                        }
                        RETURN code, label, practitioners ORDER BY practitioners DESC, code""")
                .bind(codes).to("codes")
                .fetchAs(ModeOfPracticeCount.class).mappedBy((types, r) -> new ModeOfPracticeCount(
                        byCode.get(r.get("code").asString()),
                        new CodedLabel(r.get("code").asString(), r.get("label").asString(null)),
                        r.get("practitioners").asLong())).all());
    }

    public List<PractitionerImport> imports(int first) {
        return List.copyOf(neo4j.query("MATCH (r:ImportRun) WHERE r.file IS NOT NULL AND r.source = 'RPPS PS_LibreAcces' "
                        + "RETURN r {.*} AS r ORDER BY r.startedAt DESC LIMIT $first")
                .bind(first).to("first")
                .fetchAs(PractitionerImport.class).mappedBy((types, record) -> PractitionerImport.from(record.get("r"))).all());
    }

    // ---- batched relations: one query per field per request ----

    /**
     * For each id, the items {@code pattern} reaches from {@code (p:Practitioner)} (or {@code (s:Site)}, …, per
     * {@code start}), in the order the pattern returns them: one query for the whole batch.
     */
    @SuppressWarnings("unchecked")
    <T> Map<String, List<T>> related(Collection<String> ids, String start, String pattern, String projection,
                                     Function<Value, T> mapper) {
        Map<String, List<T>> result = new HashMap<>();
        neo4j.query("UNWIND $ids AS id\n" + start + "\n" + pattern + "\nRETURN id, " + projection + " AS item")
                .bind(List.copyOf(ids)).to("ids")
                .fetchAs(Map.Entry.class)
                .mappedBy((types, record) -> Map.entry(record.get("id").asString(), mapper.apply(record.get("item"))))
                .all()
                .forEach(entry -> result.computeIfAbsent((String) entry.getKey(), id -> new ArrayList<>())
                        .add((T) entry.getValue()));
        return result;
    }

    static final String BY_PRACTITIONER = "MATCH (p:Practitioner {id: id})";

    /** A site {@code s} with the id of the territory it is located in: what {@code site { territory }} needs. */
    private static final String SITE = "s {.*, territoryId: coalesce(head([(s)-[:LOCATED_IN]->(t:Territory) | t.id]), '')}";
    /** An activity's site, so read. */
    private static final String SITE_WITH_TERRITORY = "site: head([(a)-[:AT_SITE]->(s:Site) | " + SITE + "])";

    /** A practitioner {@code p}'s activities {@code a}, active first, with what {@link Activity#from} reads. */
    private static final String ACTIVITIES = """
            MATCH (p)-[:HAS_ACTIVITY]->(a:Activity)
            OPTIONAL MATCH (profession:Profession {code: a.professionCode})
            OPTIONAL MATCH (specialty:Specialty {code: a.specialtyCode})
            WITH %s a, profession, specialty ORDER BY a.active DESC, a.id
            """;
    private static final String ACTIVITY_PROJECTION =
            "{activity: a {.*}, profession: profession {.*}, specialty: specialty {.*}, " + SITE_WITH_TERRITORY + "}";

    Map<String, List<Activity>> activities(Collection<String> ids) {
        return related(ids, BY_PRACTITIONER, ACTIVITIES.formatted("id,"), ACTIVITY_PROJECTION, Activity::from);
    }

    /**
     * The practitioners behind these national ids (unknown ones left out), each with its activities put in
     * {@code prefetched}: a page and its {@code activities} in one statement.
     */
    private List<Practitioner> withActivities(List<String> ids, PrefetchedActivities prefetched) {
        return List.copyOf(neo4j.query("""
                        UNWIND $ids AS id
                        MATCH (p:Practitioner {id: id})
                        RETURN %s AS p, COLLECT {
                        %sRETURN %s
                        } AS activities""".formatted(PROJECTION, ACTIVITIES.formatted(""), ACTIVITY_PROJECTION))
                .bind(ids).to("ids")
                .fetchAs(Practitioner.class).mappedBy((types, record) -> {
                    Practitioner practitioner = Practitioner.from(record.get("p"));
                    prefetched.put(practitioner.nationalId(), record.get("activities").asList(Activity::from));
                    return practitioner;
                }).all());
    }


    Map<String, List<Site>> sites(Collection<String> ids) {
        return related(ids, BY_PRACTITIONER, """
                MATCH (p)-[:HAS_ACTIVITY]->(:Activity {active: true})-[:AT_SITE]->(s:Site)
                WITH DISTINCT id, s ORDER BY s.id
                """, SITE, Site::from);
    }

    Map<String, List<Territory>> territories(Collection<String> ids) {
        return related(ids, BY_PRACTITIONER, """
                MATCH (p)-[:HAS_ACTIVITY]->(:Activity {active: true})-[:AT_SITE]->(:Site)-[:LOCATED_IN]->(t:Territory)
                WITH DISTINCT id, t ORDER BY t.id
                """, Territory.PROJECTION, Territory::from);
    }

    Map<String, List<Profession>> professions(Collection<String> ids) {
        return related(ids, BY_PRACTITIONER, "MATCH (p)-[:HAS_PROFESSION]->(x:Profession) WITH id, x ORDER BY x.code",
                "x {.*}", Profession::from);
    }

    Map<String, List<Specialty>> specialties(Collection<String> ids) {
        return related(ids, BY_PRACTITIONER, "MATCH (p)-[:HAS_SPECIALTY]->(x:Specialty) WITH id, x ORDER BY x.code",
                "x {.*}", Specialty::from);
    }

    Map<String, List<Diploma>> diplomas(Collection<String> ids) {
        return related(ids, BY_PRACTITIONER, "MATCH (p)-[:HOLDS_DIPLOMA]->(x:Diploma) WITH id, x ORDER BY x.code",
                "x {.*}", Diploma::from);
    }

    Map<String, List<Authorisation>> authorisations(Collection<String> ids) {
        return related(ids, BY_PRACTITIONER, "MATCH (p)-[:HOLDS_AUTHORISATION]->(x:Authorisation) WITH id, x ORDER BY x.id",
                "x {.*}", Authorisation::from);
    }

    Map<String, List<Site>> sitesById(Collection<String> siteIds) {
        return related(siteIds, "MATCH (s:Site {id: id})", "", SITE, Site::from);
    }

    /**
     * The territory of each site: from the in-memory territories for sites read with their territory id, one
     * statement for the others.
     */
    Map<Site, Territory> territoriesOf(Collection<Site> sites) {
        Map<Site, Territory> result = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        Map<String, Territory> known = territories.findByIds(sites.stream().map(Site::territoryId)
                .filter(id -> id != null && !id.equals(Site.NOWHERE)).distinct().toList());
        for (Site site : sites) {
            Territory t = site.territoryId() == null ? null : known.get(site.territoryId());
            if (t != null) {
                result.put(site, t);
            } else if (!Site.NOWHERE.equals(site.territoryId())) {
                unknown.add(site.id()); // not read with it, or in a territory the directory does not hold yet
            }
        }
        if (!unknown.isEmpty()) {
            Map<String, List<Territory>> byId = siteTerritories(unknown.stream().distinct().toList());
            for (Site site : sites) {
                List<Territory> found = byId.get(site.id());
                if (found != null && !result.containsKey(site)) {
                    result.put(site, found.get(0));
                }
            }
        }
        return result;
    }

    Map<String, List<Territory>> siteTerritories(Collection<String> siteIds) {
        return related(siteIds, "MATCH (s:Site {id: id})", "MATCH (s)-[:LOCATED_IN]->(t:Territory)",
                Territory.PROJECTION, Territory::from);
    }

    static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
