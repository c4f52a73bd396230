package fr.santegraph.practitioner;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Batched writes of the RPPS graph, always {@code UNWIND $rows} with parameters. New practitioners (checked
 * against the graph batch by batch) are CREATEd with their activities in one statement; only changed ones go
 * through MERGE; unchanged ones cost nothing when the file is sorted by identifier (the graph is read range by
 * range), else they get the run stamp that tells the final retirement step they are still published.
 */
@Component
public class PractitionerWriter implements NewRecords {

    /** What the graph already holds about a practitioner of the batch. */
    record Known(long fingerprint, boolean active, boolean seenThisRun) {
    }

    private record KnownPractitioner(String id, Known known) {
    }

    private final Neo4jClient neo4j;

    public PractitionerWriter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * What the graph holds about these practitioners, read and stamped with the run in one statement (files not
     * sorted by identifier): every practitioner of the batch is published by this run whatever happens next
     * (created, updated or unchanged), so unchanged ones need no further write.
     */
    Map<String, Known> known(Collection<String> ids, String runId) {
        Map<String, Known> known = new HashMap<>();
        neo4j.query("""
                UNWIND $ids AS id
                MATCH (p:Practitioner {id: id})
                WITH p, p.fingerprint AS fingerprint, p.active AS active, p.importRun = $run AS seen
                SET p.importRun = $run
                RETURN p.id AS id, fingerprint, active, seen
                """).bind(List.copyOf(ids)).to("ids").bind(runId).to("run").fetchAs(KnownPractitioner.class)
                .mappedBy((types, record) -> new KnownPractitioner(record.get("id").asString(), new Known(
                        fingerprint(record.get("fingerprint")), record.get("active").asBoolean(false),
                        record.get("seen").asBoolean(false)))).all()
                .forEach(row -> known.put(row.id(), row.known()));
        return known;
    }

    /**
     * A stored fingerprint as returned; 0 for a node written before fingerprints (so it differs). Read from the driver's
     * value: records are mapped directly, without a map per row.
     */
    private static long fingerprint(Value value) {
        return value.isNull() ? 0L : value.asLong();
    }

    void writeReference(List<Map<String, Object>> professions, List<Map<String, Object>> specialties) {
        if (!professions.isEmpty()) {
            neo4j.query("""
                    UNWIND $rows AS row
                    MERGE (p:Profession {code: row.code})
                    SET p.name = row.label
                    """).bind(professions).to("rows").run();
        }
        if (!specialties.isEmpty()) {
            neo4j.query("""
                    UNWIND $rows AS row
                    MERGE (s:Specialty {code: row.code})
                    SET s.name = coalesce(row.label, s.name), s.typeCode = coalesce(row.typeCode, s.typeCode),
                        s.type = coalesce(row.typeLabel, s.type)
                    """).bind(specialties).to("rows").run();
        }
    }

    /** What a site row holds besides its published fields: where the importer placed it. */
    static final List<String> SITE_PLACEMENT_KEYS = List.of("addressKey", "departmentCode", "locationSource", "unplacedReason");
    static final List<String> SITE_PROPERTIES = concat(ActivityRowMapper.SITE_KEYS, SITE_PLACEMENT_KEYS);
    private static final String LOCATION = """
            CASE WHEN row.latitude IS NULL THEN null ELSE point({latitude: row.latitude, longitude: row.longitude}) END""";

    /** A site to create or rewrite: its published fields, where the importer placed it, and their fingerprint. */
    record SiteWrite(String id, SiteRow site, SitePlacement placement, long fingerprint) {

        static SiteWrite of(SiteRow site, SitePlacement placement) {
            return new SiteWrite(site.id(), site, placement, fingerprint(site, placement));
        }

        /** Over everything written, so a refresh rewrites only the sites whose fields or placement changed. */
        static long fingerprint(SiteRow site, SitePlacement placement) {
            return new Fingerprint().add(site.properties(), ActivityRowMapper.SITE_KEYS)
                    .add(placementProperties(site, placement), SITE_PLACEMENT_KEYS)
                    .add(placement.latitude()).add(placement.longitude()).add(placement.territoryId()).value();
        }

        /** What a site row holds besides its published fields ({@link #SITE_PLACEMENT_KEYS}). */
        private static Map<String, Object> placementProperties(SiteRow site, SitePlacement placement) {
            Map<String, Object> properties = new HashMap<>();
            properties.put("addressKey", site.addressKey());
            properties.put("departmentCode", placement.departmentCode());
            properties.put("locationSource", placement.locationSource());
            properties.put("unplacedReason", placement.unplacedReason() == null ? null : placement.unplacedReason().name());
            return properties;
        }

        /** The parameters of {@link #CREATE_SITES} and {@link #UPDATE_SITES}. */
        Map<String, Object> parameters() {
            Map<String, Object> properties = new HashMap<>(site.properties());
            properties.putAll(placementProperties(site, placement));
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("p", CypherProperties.withoutNulls(properties));
            row.put("latitude", placement.latitude());
            row.put("longitude", placement.longitude());
            row.put("territoryId", placement.territoryId());
            row.put("fingerprint", fingerprint);
            return row;
        }
    }

    static final String CREATE_SITES = """
            UNWIND $rows AS row
            OPTIONAL MATCH (t:Territory {id: row.territoryId})
            CREATE (s:Site {id: row.id, %s, location: %s, fingerprint: row.fingerprint, importRun: $run})
            FOREACH (territory IN CASE WHEN t IS NULL THEN [] ELSE [t] END | CREATE (s)-[:LOCATED_IN]->(territory))
            """.formatted(CypherProperties.literal("row.p", SITE_PROPERTIES), LOCATION);

    static final String UPDATE_SITES = """
            UNWIND $rows AS row
            MERGE (s:Site {id: row.id})
            SET %s, s.location = %s, s.fingerprint = row.fingerprint, s.importRun = $run
            WITH s, row
            CALL (s, row) {
              OPTIONAL MATCH (s)-[old:LOCATED_IN]->(t)
              WHERE row.territoryId IS NULL OR t.id <> row.territoryId
              DELETE old
            }
            CALL (s, row) {
              MATCH (t:Territory {id: row.territoryId})
              MERGE (s)-[:LOCATED_IN]->(t)
            }
            """.formatted(CypherProperties.assignments("s", "row.p", SITE_PROPERTIES), LOCATION);

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /**
     * The fingerprint of each site of the batch the graph already holds (0 for one written before fingerprints).
     * Reads only: sites are never retired, and {@code importRun} on a site is the last run that wrote it.
     */
    Map<String, Long> knownSites(Collection<String> ids) {
        Map<String, Long> known = new HashMap<>();
        neo4j.query("""
                UNWIND $ids AS id
                MATCH (s:Site {id: id})
                RETURN s.id AS id, s.fingerprint AS fingerprint
                """).bind(List.copyOf(ids)).to("ids").fetchAs(HeldSite.class).mappedBy((types, record) -> heldSite(record))
                .all().forEach(site -> known.put(site.id(), site.fingerprint()));
        return known;
    }

    /** A site the graph holds and its stored fingerprint. */
    record HeldSite(String id, long fingerprint) {
    }

    private static HeldSite heldSite(Record record) {
        return new HeldSite(record.get("id").asString(), fingerprint(record.get("fingerprint")));
    }

    static final String SITES_AFTER = """
            MATCH (s:Site)
            WHERE s.id > $after
            RETURN s.id AS id, s.fingerprint AS fingerprint
            ORDER BY s.id LIMIT $limit
            """;

    /** The first {@code limit} sites with an identifier after {@code after}, in identifier order (index order). */
    List<HeldSite> sitesAfter(String after, int limit) {
        return List.copyOf(neo4j.query(SITES_AFTER).bind(after).to("after").bind(limit).to("limit")
                .fetchAs(HeldSite.class).mappedBy((types, record) -> heldSite(record)).all());
    }

    /** Sites the graph has never seen, with their point (or unplaced reason) and their one LOCATED_IN territory. */
    @Override
    public void createSites(List<SiteWrite> sites, String runId) {
        if (!sites.isEmpty()) {
            neo4j.query(CREATE_SITES).bind(sites.stream().map(SiteWrite::parameters).toList()).to("rows")
                    .bind(runId).to("run").run();
        }
    }

    /** Sites whose published fields or placement changed: properties replaced, LOCATED_IN moved. */
    @Override
    public void updateSites(List<SiteWrite> sites, String runId) {
        if (!sites.isEmpty()) {
            neo4j.query(UPDATE_SITES).bind(sites.stream().map(SiteWrite::parameters).toList()).to("rows")
                    .bind(runId).to("run").run();
        }
    }

    /** The subqueries linking {@code p} to the professions and specialties of {@code row}: CREATE for a new p, else MERGE. */
    private static String referenceLinks(String verb) {
        return """
                CALL (p, row) {
                  UNWIND row.professions AS code
                  MATCH (profession:Profession {code: code})
                  %1$s (p)-[:HAS_PROFESSION]->(profession)
                }
                CALL (p, row) {
                  UNWIND row.specialties AS code
                  MATCH (specialty:Specialty {code: code})
                  %1$s (p)-[:HAS_SPECIALTY]->(specialty)
                }
                """.formatted(verb);
    }

    /**
     * An activity also holds its site's département (what the importer placed it in): practitioners of a profession
     * in a département or region are then found by index, without expanding every activity of the territory.
     */
    static final List<String> ACTIVITY_PROPERTIES = concat(ActivityRowMapper.ACTIVITY_KEYS,
            List.of("departmentCode", "unplacedReason"));

    /**
     * A practitioner to create or rewrite with all the lines of this batch: the first line's identity, every
     * profession and specialty, one activity per distinct activity key.
     */
    record PractitionerWrite(String id, Map<String, Object> properties, long fingerprint, List<String> professions,
                             List<String> specialties, List<Map<String, Object>> activities) {

        static PractitionerWrite of(String id, List<ActivityLine> lines, long fingerprint) {
            Set<String> professions = new LinkedHashSet<>();
            Set<String> specialties = new LinkedHashSet<>();
            Map<String, Map<String, Object>> activities = new LinkedHashMap<>();
            for (ActivityLine line : lines) {
                professions.add(line.profession().code());
                if (line.specialty() != null) {
                    specialties.add(line.specialty().code());
                }
                activities.computeIfAbsent(line.activityId(), key -> CypherProperties.withoutNulls(line.activity()));
            }
            return new PractitionerWrite(id, CypherProperties.withoutNulls(lines.get(0).practitioner()), fingerprint,
                    List.copyOf(professions), List.copyOf(specialties), List.copyOf(activities.values()));
        }

        /** The parameters of {@link #CREATE_PRACTITIONERS} and {@link #UPDATE_PRACTITIONERS}. */
        Map<String, Object> parameters() {
            Map<String, Object> row = new HashMap<>();
            row.put("id", id);
            row.put("p", properties);
            row.put("fingerprint", fingerprint);
            row.put("professions", professions);
            row.put("specialties", specialties);
            row.put("activities", activities);
            return row;
        }
    }

    static Map<String, Object> specialtyParameters(ActivityLine.Specialty specialty) {
        Map<String, Object> row = new HashMap<>();
        row.put("code", specialty.code());
        row.put("label", specialty.label());
        row.put("typeCode", specialty.typeCode());
        row.put("typeLabel", specialty.typeLabel());
        return row;
    }

    private static List<Map<String, Object>> parameters(List<PractitionerWrite> rows) {
        List<Map<String, Object>> parameters = new ArrayList<>(rows.size());
        for (PractitionerWrite row : rows) {
            parameters.add(row.parameters());
        }
        return parameters;
    }

    static final String CREATE_PRACTITIONERS = """
            UNWIND $rows AS row
            CREATE (p:Practitioner {id: row.id, %s, fingerprint: row.fingerprint, active: true, importRun: $run,
                                    firstSeenOn: $date})
            WITH p, row
            %s
            CALL (p, row) {
              UNWIND row.activities AS activity
              OPTIONAL MATCH (s:Site {id: activity.siteId})
              CREATE (p)-[:HAS_ACTIVITY]->(a:Activity {%s, active: true, firstSeenOn: $date})
              FOREACH (site IN CASE WHEN s IS NULL THEN [] ELSE [s] END | CREATE (a)-[:AT_SITE]->(site))
            }
            """.formatted(CypherProperties.literal("row.p", ActivityRowMapper.PRACTITIONER_KEYS), referenceLinks("CREATE"),
            CypherProperties.literal("activity", ACTIVITY_PROPERTIES));

    /** Practitioners the graph has never seen: plain CREATEs, no lookups but the reference nodes and sites. */
    @Override
    public void createPractitioners(List<PractitionerWrite> rows, String runId, LocalDate date) {
        if (rows.isEmpty()) {
            return;
        }
        neo4j.query(CREATE_PRACTITIONERS).bind(parameters(rows)).to("rows").bind(runId).to("run").bind(date).to("date").run();
    }

    static final String UPDATE_PRACTITIONERS = """
            UNWIND $rows AS row
            MATCH (p:Practitioner {id: row.id})
            SET %s, p.fingerprint = row.fingerprint, p.active = true, p.retiredOn = null, p.importRun = $run
            WITH p, row
            CALL (p, row) {
              MATCH (p)-[:HAS_ACTIVITY]->(old:Activity {active: true})
              WHERE NOT $append AND NOT old.id IN [a IN row.activities | a.id]
              SET old.active = false, old.retiredOn = $date
            }
            %s
            CALL (p, row) {
              UNWIND row.activities AS activity
              MERGE (a:Activity {id: activity.id})
              ON CREATE SET a.firstSeenOn = $date
              SET %s, a.active = true, a.retiredOn = null
              MERGE (p)-[:HAS_ACTIVITY]->(a)
              WITH a, activity WHERE activity.siteId IS NOT NULL
              MATCH (s:Site {id: activity.siteId})
              MERGE (a)-[:AT_SITE]->(s)
            }
            """.formatted(CypherProperties.assignments("p", "row.p", ActivityRowMapper.PRACTITIONER_KEYS),
            referenceLinks("MERGE"), CypherProperties.assignments("a", "activity", ACTIVITY_PROPERTIES.stream()
                    .filter(key -> !key.equals("id")).toList()));

    /**
     * Changed or returning practitioners: properties replaced, activities no longer published retired (kept),
     * new ones added. With {@code append} (more lines of a practitioner already written by this run) nothing
     * is retired (the rows then carry the sum of the fingerprints).
     */
    @Override
    public void updatePractitioners(List<PractitionerWrite> rows, String runId, LocalDate date, boolean append) {
        if (rows.isEmpty()) {
            return;
        }
        neo4j.query(UPDATE_PRACTITIONERS).bind(parameters(rows)).to("rows").bind(runId).to("run").bind(date).to("date")
                .bind(append).to("append").run();
    }

    /**
     * A practitioner who still practises there: a run limited to some départements retires no one else. An activity
     * holds the département of its site, or for one without a site the département its line tells.
     */
    private static final String IN_SCOPE = """
            ($departments IS NULL OR EXISTS {
                    MATCH (p)-[:HAS_ACTIVITY]->(a:Activity {active: true})
                    WHERE a.departmentCode IN $departments })""";

    static final String ACTIVE_AFTER = """
            MATCH (p:Practitioner)
            WHERE p.id > $after AND p.active AND %s
            RETURN p.id AS id
            ORDER BY p.id LIMIT $limit
            """.formatted(IN_SCOPE);

    /** The first {@code limit} active practitioners of the scope after {@code after}, in identifier (index) order. */
    List<String> activeAfter(String after, int limit, @Nullable List<String> departments) {
        return List.copyOf(neo4j.query(ACTIVE_AFTER).bind(after).to("after").bind(limit).to("limit")
                .bind(departments).to("departments").fetchAs(String.class).all());
    }
    /** No longer published: the practitioner and their activities marked inactive with the date, never deleted. */
    private static final String RETIRE = """
            SET p.active = false, p.retiredOn = $date
            WITH p
            MATCH (p)-[:HAS_ACTIVITY]->(a:Activity {active: true})
            SET a.active = false, a.retiredOn = $date""";

    static final String RETIRE_MISSING = """
            MATCH (p:Practitioner {active: true})
            WHERE p.importRun <> $run AND %s
            CALL (p) {
              %s
            } IN TRANSACTIONS OF 10000 ROWS
            RETURN count(p) AS retired
            """.formatted(IN_SCOPE, RETIRE);

    /** Practitioners this run did not stamp (it read the file in another order than by identifier). */
    long retireMissing(String runId, LocalDate date, @Nullable List<String> departments) {
        return neo4j.query(RETIRE_MISSING).bind(runId).to("run").bind(date).to("date").bind(departments).to("departments")
                .fetchAs(Long.class).one().orElse(0L);
    }

    static final String RETIRE_ABSENT = """
            UNWIND $ids AS id
            MATCH (p:Practitioner {id: id})
            WHERE p.active AND %s
            CALL (p) {
              %s
            }
            RETURN count(p) AS retired
            """.formatted(IN_SCOPE, RETIRE);

    /** Active practitioners absent from the identifier range the file just covered. */
    long retireAbsent(List<String> ids, LocalDate date, @Nullable List<String> departments) {
        if (ids.isEmpty()) {
            return 0;
        }
        return neo4j.query(RETIRE_ABSENT).bind(ids).to("ids").bind(date).to("date").bind(departments).to("departments")
                .fetchAs(Long.class).one().orElse(0L);
    }

    /**
     * What the graph holds about a practitioner of an identifier range; {@code inScope}: it practises in the import's
     * départements (always, for a national import).
     */
    record Held(String id, long fingerprint, boolean active, boolean inScope) {
    }

    private static final String HELD = """
            MATCH (p:Practitioner)
            WHERE p.id > $after%s
            RETURN p.id AS id, p.fingerprint AS fingerprint, p.active AS active%s
            ORDER BY p.id LIMIT $limit
            """;
    // Two statements rather than an optional bound: "p.id <= $upTo OR $upTo IS NULL" would not seek the range.
    static final String HELD_BETWEEN = HELD.formatted(" AND p.id <= $upTo", "");
    static final String HELD_AFTER = HELD.formatted("", "");
    static final String HELD_AFTER_IN_SCOPE = HELD.formatted("", ", " + IN_SCOPE + " AS inScope");

    /**
     * The first {@code limit} practitioners the graph holds with an identifier in ({@code after}, {@code upTo}]
     * ({@code upTo} null: no upper bound), in identifier order. Reads only: an unchanged practitioner costs no write.
     */
    List<Held> heldBetween(@Nullable String after, @Nullable String upTo, int limit) {
        return List.copyOf(neo4j.query(upTo == null ? HELD_AFTER : HELD_BETWEEN).bind(after).to("after")
                .bind(upTo).to("upTo").bind(limit).to("limit").fetchAs(Held.class)
                .mappedBy((types, record) -> held(record, true)).all());
    }

    /** The first {@code limit} practitioners after {@code after}, with whether they practise in {@code departments}. */
    List<Held> heldAfter(String after, int limit, @Nullable List<String> departments) {
        return List.copyOf(neo4j.query(departments == null ? HELD_AFTER : HELD_AFTER_IN_SCOPE).bind(after).to("after")
                .bind(limit).to("limit").bind(departments).to("departments").fetchAs(Held.class)
                .mappedBy((types, record) -> held(record, departments == null || record.get("inScope").asBoolean(false)))
                .all());
    }

    private static Held held(Record record, boolean inScope) {
        return new Held(record.get("id").asString(), fingerprint(record.get("fingerprint")),
                record.get("active").asBoolean(false), inScope);
    }

    /** Savoir-faire lines: the specialty node and the practitioner's link; practitioners not loaded are skipped. */
    long writeSavoirFaire(List<Map<String, Object>> rows) {
        return neo4j.query("""
                UNWIND $rows AS row
                MATCH (p:Practitioner {id: row.practitionerId})
                MERGE (s:Specialty {code: row.code})
                SET s.name = row.label, s.typeCode = row.typeCode, s.type = row.typeLabel
                MERGE (p)-[:HAS_SPECIALTY]->(s)
                RETURN count(*) AS linked
                """).bind(rows).to("rows").fetchAs(Long.class).one().orElse(0L);
    }

    /** Diplomas and authorisations to practise; practitioners not loaded are skipped. */
    long writeDiplomas(List<Map<String, Object>> rows) {
        return neo4j.query("""
                UNWIND $rows AS row
                MATCH (p:Practitioner {id: row.practitionerId})
                CALL (p, row) {
                  WITH p, row WHERE row.diplomaCode IS NOT NULL
                  MERGE (d:Diploma {code: row.diplomaCode})
                  SET d.name = row.diplomaLabel, d.typeCode = row.diplomaTypeCode, d.type = row.diplomaTypeLabel
                  MERGE (p)-[:HOLDS_DIPLOMA]->(d)
                }
                CALL (p, row) {
                  WITH p, row WHERE row.authorisationTypeCode IS NOT NULL
                  MERGE (a:Authorisation {id: row.authorisationTypeCode + '|' + coalesce(row.disciplineCode, '')})
                  SET a.typeCode = row.authorisationTypeCode, a.type = row.authorisationTypeLabel,
                      a.disciplineCode = row.disciplineCode, a.discipline = row.disciplineLabel
                  MERGE (p)-[:HOLDS_AUTHORISATION]->(a)
                }
                RETURN count(*) AS linked
                """).bind(rows).to("rows").fetchAs(Long.class).one().orElse(0L);
    }

    /** What one run read and did, as {@code practitionerImports} lists it. */
    record RunRecord(String id, String file, @Nullable String savoirFaireFile, @Nullable String diplomaFile,
                     @Nullable String stamp, @Nullable List<String> departments, String startedAt, long read,
                     long created, long updated, long unchanged, long retired, long rejected, long durationMs,
                     boolean sortedById, LocalDate extractionDate) {

        Map<String, Object> parameters() {
            Map<String, Object> node = new HashMap<>();
            node.put("id", id);
            node.put("source", "RPPS PS_LibreAcces");
            node.put("file", file);
            node.put("savoirFaireFile", savoirFaireFile);
            node.put("diplomaFile", diplomaFile);
            node.put("stamp", stamp);
            // The date retirements and first sightings carry: the extraction dates a trend is counted at.
            node.put("extractionDate", extractionDate);
            node.put("departments", departments);
            node.put("startedAt", startedAt);
            node.put("read", read);
            node.put("created", created);
            node.put("updated", updated);
            node.put("unchanged", unchanged);
            node.put("retired", retired);
            node.put("rejected", rejected);
            node.put("durationMs", durationMs);
            node.put("sortedById", sortedById);
            return node;
        }
    }

    /**
     * Records the run, and gives the directory a new version: what every instance reading this database (see
     * {@link PractitionerLists}) checks to know its lists are out of date.
     */
    void recordRun(RunRecord run) {
        neo4j.query("""
                CREATE (r:ImportRun)
                SET r = $run, r.startedAt = datetime($run.startedAt)
                WITH r
                MERGE (v:DataVersion {id: 'practitioners'})
                SET v.version = randomUUID(), v.updatedAt = datetime()
                """).bind(run.parameters()).to("run").run();
    }
}
