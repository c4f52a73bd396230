package fr.santegraph.territory;

import fr.santegraph.common.Rows;
import fr.santegraph.common.TextFolding;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Batched, idempotent writes of territories: {@code UNWIND $rows … MERGE} keyed on the level-qualified id. */
@Component
public class TerritoryWriter {

    private final Neo4jClient neo4j;

    public TerritoryWriter(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Tells every instance reading this database (see {@link TerritoryDirectory}) that territories changed. */
    public void newVersion() {
        neo4j.query("MERGE (v:DataVersion {id: 'territories'}) SET v.version = randomUUID(), v.updatedAt = datetime()")
                .run();
    }

    public Set<String> existingIds() {
        return new HashSet<>(neo4j.query("MATCH (t:Territory) RETURN t.id AS id")
                .fetchAs(String.class).all());
    }

    /**
     * Upserts territories and their PART_OF link. A renamed or moved territory keeps its node (same code) and
     * gets its new name and parent; the run stamp marks it as present in this edition.
     */
    public void writeTerritories(List<TerritoryRow> rows, String runId) {
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (t:Territory {id: row.id})
                SET t:$(row.label), t += row.properties,
                    t.code = row.code, t.level = row.level, t.name = row.name, t.searchName = row.searchName,
                    t.formerCodes = row.formerCodes,
                    t.active = true, t.retiredOn = null, t.importRun = $run
                WITH t, row
                CALL (t, row) {
                  OPTIONAL MATCH (t)-[old:PART_OF]->(previous)
                  WHERE previous.id <> row.parentId OR row.parentId IS NULL
                  DELETE old
                }
                CALL (t, row) {
                  MATCH (parent:Territory {id: row.parentId})
                  MERGE (t)-[:PART_OF]->(parent)
                }
                CALL (t, row) {
                  UNWIND row.postalCodes AS postalCode
                  MERGE (p:PostalCode {code: postalCode})
                  MERGE (t)-[:HAS_POSTAL_CODE]->(p)
                }
                """)
                .bind(rows.stream().map(TerritoryRow::toParameters).toList()).to("rows")
                .bind(runId).to("run")
                .run();
    }

    /** Upserts EPCIs and makes their member list exactly the published one (a commune belongs to one EPCI). */
    public void writeEpcis(List<EpciRow> rows, String runId) {
        List<Map<String, Object>> parameters = rows.stream().map(row -> {
            Map<String, Object> map = new HashMap<>();
            map.put("id", TerritoryLevel.EPCI.id(row.code()));
            map.put("code", row.code());
            map.put("name", row.name());
            map.put("searchName", TextFolding.fold(row.name()));
            map.put("kind", row.kind());
            map.put("financing", row.financing());
            map.put("population", row.population());
            map.put("members", row.memberCodes());
            return map;
        }).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (e:Territory {id: row.id})
                SET e:Epci, e.code = row.code, e.level = 'EPCI', e.name = row.name, e.searchName = row.searchName,
                    e.kind = row.kind, e.financing = row.financing, e.population = row.population,
                    e.active = true, e.retiredOn = null, e.importRun = $run
                WITH e, row
                CALL (e, row) {
                  MATCH (former:Commune)-[m:MEMBER_OF]->(e)
                  WHERE NOT former.code IN row.members
                  DELETE m
                }
                CALL (e, row) {
                  UNWIND row.members AS memberCode
                  MATCH (c:Commune {code: memberCode})
                  CALL (c, e) {
                    MATCH (c)-[other:MEMBER_OF]->(elsewhere)
                    WHERE elsewhere <> e
                    DELETE other
                  }
                  MERGE (c)-[:MEMBER_OF]->(e)
                }
                """)
                .bind(parameters).to("rows")
                .bind(runId).to("run")
                .run();
    }

    /** Which of these commune codes have no current commune, arrondissement or delegated commune. */
    public Set<String> unknownCommuneCodes(Collection<String> codes) {
        return new HashSet<>(neo4j.query("""
                UNWIND $codes AS code
                WITH code WHERE NOT EXISTS { MATCH (:Commune|MunicipalArrondissement|DelegatedCommune|AssociatedCommune {code: code}) }
                RETURN code
                """).bind(codes).to("codes").fetchAs(String.class).all());
    }

    /**
     * Postal codes and centroids from La Poste, per INSEE code. A code that is now a delegated or associated
     * commune (merged since the file was published) gives its postal codes to the commune it belongs to.
     */
    public void writePostalCodes(List<Map<String, Object>> rows) {
        neo4j.query("""
                UNWIND $rows AS row
                OPTIONAL MATCH (direct:Commune|MunicipalArrondissement {code: row.code})
                OPTIONAL MATCH (:DelegatedCommune|AssociatedCommune {code: row.code})-[:PART_OF]->(merged:Commune)
                WITH row, direct, coalesce(direct, merged) AS target
                WHERE target IS NOT NULL
                CALL (row, target) {
                  UNWIND row.postalCodes AS postal
                  MERGE (p:PostalCode {code: postal.code})
                  MERGE (target)-[r:HAS_POSTAL_CODE]->(p)
                  SET r.deliveryLabels = postal.labels
                }
                CALL (row, direct) {
                  WITH row, direct WHERE direct IS NOT NULL AND row.latitude IS NOT NULL
                  SET direct.centroid = point({latitude: row.latitude, longitude: row.longitude})
                }
                """).bind(rows).to("rows").run();
    }

    /**
     * Territories of these levels that this run did not see are no longer in the COG: they are marked retired
     * (kept, with the date, for history and for links that still point to them), leave their EPCI, and a
     * commune whose code the new edition lists among another commune's former codes is linked MERGED_INTO it.
     */
    public long retireMissing(Collection<TerritoryLevel> levels, String runId, LocalDate retiredOn) {
        Long retired = neo4j.query("""
                MATCH (t:Territory)
                WHERE t.level IN $levels AND t.importRun <> $run AND t.active
                SET t.active = false, t.retiredOn = $retiredOn
                WITH t
                CALL (t) {
                  MATCH (t)-[m:MEMBER_OF]->()
                  DELETE m
                }
                CALL (t) {
                  MATCH (successor:Commune {active: true})
                  WHERE t:Commune AND t.code IN successor.formerCodes
                  MERGE (t)-[:MERGED_INTO]->(successor)
                }
                RETURN count(t) AS retired
                """)
                .bind(levels.stream().map(Enum::name).toList()).to("levels")
                .bind(runId).to("run")
                .bind(retiredOn).to("retiredOn")
                .fetchAs(Long.class).one().orElse(0L);
        return retired;
    }

    /**
     * Whatever is located in a commune that merged into another (practice sites, and any other node linked
     * {@code LOCATED_IN}) moves to the commune it merged into, so that it stays in its commune and EPCI before the
     * next import of its own source; a site placed at the old commune's centroid takes the new one's.
     */
    public long relinkMerged() {
        return neo4j.query("""
                MATCH (old:Commune {active: false})-[:MERGED_INTO]->(successor:Commune {active: true})
                MATCH (x)-[located:LOCATED_IN]->(old)
                CALL (x, located, successor) {
                  DELETE located
                  MERGE (x)-[:LOCATED_IN]->(successor)
                  WITH x WHERE x.locationSource = 'COMMUNE_CENTROID' AND successor.centroid IS NOT NULL
                  SET x.location = successor.centroid
                }
                RETURN count(x) AS moved
                """).fetchAs(Long.class).one().orElse(0L);
    }

    /** The active territories of these levels, by level. */
    /**
     * Départements and regions as the sum of their active communes (the COG publishes no population above the
     * commune, and INSEE's own totals are those sums): a map colours them, a density divides by them. Returns how
     * many territories were given one.
     */
    public long sumPopulations() {
        return neo4j.query("""
                        MATCH (d:Department {active: true})
                        CALL (d) {
                          MATCH (c:Commune {active: true})-[:PART_OF]->(d) WHERE c.population IS NOT NULL
                          RETURN sum(c.population) AS total, count(c) AS communes
                        }
                        WITH d, total WHERE communes > 0
                        SET d.population = total
                        WITH count(d) AS departments
                        MATCH (r:Region {active: true})
                        CALL (r) {
                          MATCH (x:Department {active: true})-[:PART_OF]->(r) WHERE x.population IS NOT NULL
                          RETURN sum(x.population) AS total, count(x) AS parts
                        }
                        WITH departments, r, total WHERE parts > 0
                        SET r.population = total
                        WITH departments, count(r) AS regions
                        RETURN departments + regions AS summed""")
                .fetchAs(Long.class).one().orElse(0L);
    }

    public Map<TerritoryLevel, List<String>> activeIds(Collection<TerritoryLevel> levels) {
        Map<TerritoryLevel, List<String>> byLevel = new EnumMap<>(TerritoryLevel.class);
        neo4j.query("""
                MATCH (t:Territory) WHERE t.level IN $levels AND t.active
                RETURN t.level AS level, collect(t.id) AS ids
                """).bind(levels.stream().map(Enum::name).toList()).to("levels").fetch().all()
                .forEach(row -> byLevel.put(TerritoryLevel.valueOf(Rows.text(row, "level")),
                        Rows.list(row, "ids").stream().map(String.class::cast).toList()));
        return byLevel;
    }
}
