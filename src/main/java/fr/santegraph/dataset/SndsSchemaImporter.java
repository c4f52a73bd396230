package fr.santegraph.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.santegraph.catalogue.CatalogueWriter;
import fr.santegraph.catalogue.CodeDirectory;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportRun;
import fr.santegraph.ingest.ImportSource;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.Importer;
import fr.santegraph.ingest.RowException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * {@code import snds-schemas --dir <schema-snds/schemas>}: the Health Data Hub's Table Schema files, one per SNDS
 * table (the {@code nomenclatures/} code lists are skipped). Each becomes a Table of the dataset named by
 * {@code produit}, with its Variables (type, length, description, nomenclature, primary key) and, from its
 * {@code foreignKeys}, JOINS to the referenced tables and REFERENCES between the joined variables.
 */
@Component
@ImportSource(name = "snds-schemas",
        usage = "--dir <schema-snds/schemas folder of Table Schema JSON files>")
public class SndsSchemaImporter implements Importer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CatalogueWriter writer;
    private final Neo4jClient neo4j;

    public SndsSchemaImporter(CatalogueWriter writer, Neo4jClient neo4j) {
        this.writer = writer;
        this.neo4j = neo4j;
    }

    @Override
    public ImportSummary run(ImportRequest request) {
        return importDirectory(request.directory("dir"));
    }

    record TableRow(Map<String, Object> table, List<Map<String, Object>> variables, List<Map<String, Object>> joins) {
    }

    public ImportSummary importDirectory(Path dir) {
        ImportRun run = new ImportRun("snds-schemas " + dir);
        CodeDirectory datasets = CodeDirectory.bundled("datasets.csv");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(f -> f.toString().endsWith(".json"))
                    .filter(f -> !dir.relativize(f).toString().startsWith("nomenclatures")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Map<String, Object>> productDatasets = new LinkedHashMap<>();
        List<TableRow> tables = new ArrayList<>();
        for (Path file : files) {
            run.rowRead();
            try {
                JsonNode schema = JSON.readTree(file.toFile());
                TableRow table = map(schema, datasets);
                String datasetId = (String) table.table().get("dataset");
                productDatasets.computeIfAbsent(datasetId, id -> {
                    Map<String, Object> dataset = new HashMap<>();
                    dataset.put("id", id);
                    dataset.put("code", id.substring("dataset:".length()));
                    dataset.put("title", schema.path("produit").asText());
                    dataset.put("source", "snds-schema");
                    dataset.put("properties", Map.of());
                    return dataset;
                });
                tables.add(table);
            } catch (RowException e) {
                run.reject(dir.relativize(file).toString(), 1, e.getMessage());
            } catch (IOException e) {
                run.reject(dir.relativize(file).toString(), 1, "not valid JSON: " + e.getMessage());
            }
        }
        writer.writeDatasets(new ArrayList<>(productDatasets.values()));
        writeTables(tables);
        run.count("tables", tables.size());
        run.count("variables", tables.stream().mapToLong(t -> t.variables().size()).sum());
        run.count("joins", tables.stream().mapToLong(t -> t.joins().size()).sum());
        run.count("datasets", productDatasets.size());
        return run.finish();
    }

    static TableRow map(JsonNode schema, CodeDirectory datasets) {
        String name = schema.path("name").asText("");
        if (name.isBlank()) {
            throw new RowException("no table name");
        }
        String product = schema.path("produit").asText("");
        if (product.isBlank()) {
            throw new RowException("table " + name + " has no produit (database)");
        }
        if (!schema.path("fields").isArray()) {
            throw new RowException("table " + name + " has no fields array");
        }
        List<String> primaryKey = new ArrayList<>();
        JsonNode pk = schema.path("primaryKey");
        if (pk.isTextual()) {
            primaryKey.add(pk.asText());
        } else {
            pk.forEach(field -> primaryKey.add(field.asText()));
        }
        Map<String, Object> table = new HashMap<>();
        table.put("id", "table:" + name);
        table.put("code", name);
        table.put("name", name);
        table.put("title", schema.path("title").asText(null));
        table.put("dataset", CatalogueWriter.datasetId(datasets.codeOf(product)));
        table.put("product", product);
        table.put("primaryKey", primaryKey);
        List<Map<String, Object>> variables = new ArrayList<>();
        for (JsonNode field : schema.path("fields")) {
            String fieldName = field.path("name").asText("");
            if (fieldName.isBlank()) {
                throw new RowException("table " + name + " has a field without a name");
            }
            Map<String, Object> variable = new HashMap<>();
            variable.put("id", "variable:" + name + "." + fieldName);
            variable.put("code", name + "." + fieldName);
            variable.put("name", fieldName);
            variable.put("tableCode", name);
            variable.put("description", textOrNull(field, "description"));
            variable.put("type", textOrNull(field, "type"));
            variable.put("length", textOrNull(field, "length"));
            String nomenclature = textOrNull(field, "nomenclature");
            variable.put("nomenclature", "-".equals(nomenclature) ? null : nomenclature);
            variable.put("primaryKey", primaryKey.contains(fieldName));
            variables.add(variable);
        }
        List<Map<String, Object>> joins = new ArrayList<>();
        for (JsonNode foreignKey : schema.path("foreignKeys")) {
            List<String> fields = texts(foreignKey.path("fields"));
            List<String> referenced = texts(foreignKey.path("reference").path("fields"));
            String target = foreignKey.path("reference").path("resource").asText("");
            if (target.isBlank() || fields.isEmpty() || fields.size() != referenced.size()) {
                throw new RowException("table " + name + ": a foreign key needs a resource and as many fields as referenced fields");
            }
            joins.add(Map.of("target", "table:" + target, "fields", fields, "referencedFields", referenced,
                    "pairs", pairs(name, fields, target, referenced)));
        }
        return new TableRow(table, variables, joins);
    }

    private static List<Map<String, Object>> pairs(String table, List<String> fields, String target, List<String> referenced) {
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            pairs.add(Map.of("from", "variable:" + table + "." + fields.get(i), "to", "variable:" + target + "." + referenced.get(i)));
        }
        return pairs;
    }

    private static List<String> texts(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isTextual()) {
            values.add(node.asText());
        } else {
            node.forEach(value -> values.add(value.asText()));
        }
        return values;
    }

    private static @Nullable String textOrNull(JsonNode node, String field) {
        String text = node.path(field).asText("");
        return text.isBlank() ? null : text;
    }

    /** Tables and variables first, then joins (which need both ends); variables no longer listed are removed. */
    private void writeTables(List<TableRow> tables) {
        List<Map<String, Object>> rows = tables.stream().map(t -> Map.<String, Object>of("table", t.table(),
                "variables", t.variables(), "joins", t.joins())).toList();
        neo4j.query("""
                UNWIND $rows AS row
                MERGE (t:Table {id: row.table.id})
                SET t += row.table
                WITH t, row
                CALL (t) {
                  MATCH (t)-[old:PART_OF]->() DELETE old
                }
                CALL (t, row) {
                  MATCH (d:Dataset {id: row.table.dataset})
                  MERGE (t)-[:PART_OF]->(d)
                }
                CALL (t, row) {
                  MATCH (t)-[:HAS_VARIABLE]->(gone:Variable)
                  WHERE NOT gone.id IN [v IN row.variables | v.id]
                  DETACH DELETE gone
                }
                CALL (t, row) {
                  UNWIND row.variables AS variable
                  MERGE (v:Variable {id: variable.id})
                  SET v += variable
                  MERGE (t)-[:HAS_VARIABLE]->(v)
                }
                """).bind(rows).to("rows").run();
        neo4j.query("""
                UNWIND $rows AS row
                MATCH (t:Table {id: row.table.id})
                CALL (t) {
                  MATCH (t)-[old:JOINS]->() DELETE old
                }
                CALL (t) {
                  MATCH (t)-[:HAS_VARIABLE]->(:Variable)-[old:REFERENCES]->() DELETE old
                }
                CALL (t, row) {
                  UNWIND row.joins AS j
                  MATCH (target:Table {id: j.target})
                  CREATE (t)-[:JOINS {fields: j.fields, referencedFields: j.referencedFields}]->(target)
                  WITH j
                  UNWIND j.pairs AS pair
                  MATCH (from:Variable {id: pair.from}), (to:Variable {id: pair.to})
                  MERGE (from)-[:REFERENCES]->(to)
                }
                """).bind(rows).to("rows").run();
    }
}
