package fr.santegraph.catalogue;

import fr.santegraph.common.Rows;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Batched, idempotent writes of the catalogue graph ({@code UNWIND $rows … MERGE} on business ids). Outgoing
 * relationships of a re-imported object are replaced, not added to, so a corrected alias file or source moves
 * them instead of duplicating them.
 */
@Component
public class CatalogueWriter {

    private final Neo4jClient neo4j;
    private final CatalogueSortKeys sortKeys;

    public CatalogueWriter(Neo4jClient neo4j, CatalogueSortKeys sortKeys) {
        this.neo4j = neo4j;
        this.sortKeys = sortKeys;
    }

    public static String producerId(String code) {
        return "producer:" + code;
    }

    public static String datasetId(String code) {
        return "dataset:" + code;
    }

    public static String dataServiceId(String code) {
        return "dataservice:" + code;
    }

    public static String themeId(String scheme, String code) {
        return "theme:" + scheme + ":" + code;
    }

    /** Producers with their aliases (merged with those already stored); the alias file's description wins. */
    public void writeProducers(Collection<ProducerDirectory.Entry> entries) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (var e : entries) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", producerId(e.code()));
            row.put("code", e.code());
            row.put("name", e.name());
            row.put("acronym", e.acronym());
            row.put("kind", e.kind().name());
            row.put("homePage", e.homePage());
            row.put("description", e.description());
            row.put("aliases", List.copyOf(e.aliases()));
            row.put("known", e.known());
            Set<String> names = new LinkedHashSet<>();
            for (String name : e.aliases()) {
                names.add(AliasIndex.key(name));
            }
            names.add(AliasIndex.key(e.name()));
            names.add(AliasIndex.key(e.code().replace('-', ' ')));
            if (e.acronym() != null) {
                names.add(AliasIndex.key(e.acronym()));
            }
            row.put("foldedNames", List.copyOf(names));
            rows.add(row);
        }
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (p:Producer {id: row.id})
                SET p.code = row.code, p.name = row.name, p.acronym = row.acronym, p.kind = row.kind,
                    p.homePage = coalesce(row.homePage, p.homePage), p.description = coalesce(row.description, p.description),
                    p.inAliasFile = row.known,
                    p.foldedNames = reduce(acc = coalesce(p.foldedNames, []), a IN row.foldedNames | CASE WHEN a IN acc THEN acc ELSE acc + a END),
                    p.aliases = reduce(acc = coalesce(p.aliases, []), a IN row.aliases | CASE WHEN a IN acc THEN acc ELSE acc + a END)
                SET p.searchText = %s
                """.formatted(producerSearchText("p"))).bind(rows).to("rows").run();
        sortKeys.update("Producer", rows.stream().map(row -> row.get("id")).toList());
    }

    /**
     * The Cypher expression of a producer's {@code searchText} (its acronym and aliases, which the full-text index
     * reads beside its name), on the node bound to {@code node}: every writer of a producer sets it the same way.
     */
    public static String producerSearchText(String node) {
        return "trim(coalesce(%1$s.acronym, '') + reduce(t = '', a IN %1$s.aliases | t + ' ' + a))".formatted(node);
    }

    public void writeThemes(List<Map<String, Object>> rows) {
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (t:Theme {id: row.id})
                SET t.code = row.code, t.scheme = row.scheme, t.name = row.name, t.description = row.description
                WITH t, row WHERE row.broader IS NOT NULL
                MATCH (b:Theme {id: row.broader})
                MERGE (t)-[:BROADER]->(b)
                """).bind(rows).to("rows").run();
    }

    /**
     * Datasets: {@code properties} are set (a later source overwrites the fields it publishes), {@code source}
     * is added to the list of sources that describe the dataset; publishers and themes are replaced when given.
     */
    public void writeDatasets(List<Map<String, Object>> rows) {
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (d:Dataset {id: row.id})
                ON CREATE SET d.title = row.title
                SET d += row.properties, d.code = row.code,
                    d.sources = CASE WHEN row.source IN coalesce(d.sources, []) THEN d.sources ELSE coalesce(d.sources, []) + row.source END
                WITH d, row
                CALL (d, row) {
                  WITH d, row WHERE row.publishers IS NOT NULL
                  OPTIONAL MATCH (d)-[old:PUBLISHED_BY]->()
                  DELETE old
                  WITH DISTINCT d, row
                  UNWIND row.publishers AS publisher
                  MATCH (p:Producer {id: publisher})
                  MERGE (d)-[:PUBLISHED_BY]->(p)
                }
                CALL (d, row) {
                  WITH d, row WHERE row.themes IS NOT NULL
                  UNWIND row.themes AS theme
                  MATCH (t:Theme {id: theme})
                  MERGE (d)-[:HAS_THEME]->(t)
                }
                CALL (d, row) {
                  WITH d, row WHERE row.partOf IS NOT NULL
                  MATCH (whole:Dataset {id: row.partOf})
                  MERGE (d)-[:PART_OF]->(whole)
                }
                CALL (d) {
                  OPTIONAL MATCH (d)-[:PUBLISHED_BY]->(p:Producer)
                  WITH d, collect(p.code) AS producers
                  OPTIONAL MATCH (d)-[:HAS_THEME]->(t:Theme)
                  WITH d, producers, collect(t.code) AS themes
                  SET d.producerCodes = producers, d.themeCodes = themes
                }
                """).bind(rows).to("rows").run();
        sortKeys.update("Dataset", rows.stream().map(row -> row.get("id")).toList());
    }

    public void writeDistributions(List<Map<String, Object>> rows) {
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (d:Dataset {id: row.dataset})
                MERGE (x:Distribution {id: row.id})
                SET x.format = row.format, x.url = row.url, x.licence = row.licence, x.title = row.title,
                    x.downloadUrl = row.downloadUrl, x.mediaType = row.mediaType, x.compressFormat = row.compressFormat
                MERGE (d)-[:HAS_DISTRIBUTION]->(x)
                WITH x, row
                OPTIONAL MATCH (x)-[old:ACCESSED_THROUGH]->()
                DELETE old
                WITH DISTINCT x, row
                OPTIONAL MATCH (s:DataService {id: row.service})
                FOREACH (service IN CASE WHEN s IS NULL THEN [] ELSE [s] END | MERGE (x)-[:ACCESSED_THROUGH]->(service))
                """).bind(rows).to("rows").run();
    }

    /** Data services; {@code serves} lists dataset ids added to what it already serves. */
    public void writeDataServices(List<Map<String, Object>> rows) {
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (s:DataService {id: row.id})
                ON CREATE SET s.title = row.title
                SET s += row.properties, s.code = row.code
                WITH s, row
                CALL (s, row) {
                  UNWIND coalesce(row.publishers, []) AS publisher
                  MATCH (p:Producer {id: publisher})
                  MERGE (s)-[:PUBLISHED_BY]->(p)
                }
                CALL (s, row) {
                  UNWIND coalesce(row.serves, []) AS dataset
                  MATCH (d:Dataset {id: dataset})
                  MERGE (s)-[:SERVES]->(d)
                }
                """).bind(rows).to("rows").run();
        sortKeys.update("DataService", rows.stream().map(row -> row.get("id")).toList());
    }

    public void writeGeoLevels() {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (GeoLevel level : GeoLevel.values()) {
            rows.add(Map.of("id", "geolevel:" + level.name(), "code", level.name(), "name", level.label()));
        }
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (g:GeoLevel {id: row.id}) SET g.code = row.code, g.name = row.name
                """).bind(rows).to("rows").run();
    }

    /**
     * Indicators and all their outgoing links, replaced as a whole. Links go as flat lists, one statement per
     * relationship type: several times faster than per-row subqueries on 20,000 indicators.
     */
    @SuppressWarnings("unchecked")
    public void writeIndicators(List<Map<String, Object>> rows) {
        List<Object> ids = rows.stream().map(row -> Rows.map(row, "properties").get("id")).toList();
        neo4j.query("""
                UNWIND $ids AS id
                MATCH (:Indicator {id: id})-[r:PRODUCED_BY|DERIVED_FROM|PUBLISHED_ON|HAS_THEME|AVAILABLE_AT]->()
                DELETE r
                """).bind(ids).to("ids").run();
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (i:Indicator {id: row.properties.id})
                SET i = row.properties
                """).bind(rows).to("rows").run();
        link(rows, "producers", "Producer", "PRODUCED_BY");
        link(rows, "datasets", "Dataset", "DERIVED_FROM");
        link(rows, "services", "DataService", "PUBLISHED_ON");
        link(rows, "themes", "Theme", "HAS_THEME");
        List<Map<String, Object>> levels = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object from = Rows.map(row, "properties").get("id");
            for (Map<String, Object> level : (List<Map<String, Object>>) Rows.list(row, "levels")) {
                levels.add(Map.of("from", from, "to", level.get("id"), "coverage", level.get("coverage")));
            }
        }
        neo4j.query("""
                UNWIND $links AS link
                MATCH (i:Indicator {id: link.from})
                MATCH (g:GeoLevel {id: link.to})
                CREATE (i)-[:AVAILABLE_AT {coverage: link.coverage}]->(g)
                """).bind(levels).to("links").run();
        sortKeys.update("Indicator", ids);
    }

    /** Label and type are constants of this class, never input. */
    @SuppressWarnings("unchecked")
    private void link(List<Map<String, Object>> rows, String key, String label, String type) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            Object from = Rows.map(row, "properties").get("id");
            for (Object to : Rows.list(row, key)) {
                links.add(Map.of("from", from, "to", to));
            }
        }
        neo4j.query("UNWIND $links AS link MATCH (i:Indicator {id: link.from}) MATCH (t:" + label + " {id: link.to}) "
                + "CREATE (i)-[:" + type + "]->(t)").bind(links).to("links").run();
    }

    /** Producers created from a spelling that a corrected alias file now maps elsewhere: nothing points to them. */
    public long deleteOrphanDerivedProducers() {
        return neo4j.query("""
                MATCH (p:Producer) WHERE NOT p.inAliasFile AND NOT EXISTS { (p)--() }
                DETACH DELETE p
                RETURN count(*) AS deleted
                """).fetchAs(Long.class).one().orElse(0L);
    }

    public Neo4jClient client() {
        return neo4j;
    }
}
