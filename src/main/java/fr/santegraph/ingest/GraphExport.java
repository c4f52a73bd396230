package fr.santegraph.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;

/**
 * The whole graph as it is, written to a {@link BulkImport} through the driver: every node with its labels and
 * every relationship with its type, each property with its stored type. Nodes of the {@code keyed} labels are in an
 * ID space of their own, named by the label and keyed by their business key, so that new files can link to them
 * ({@code :END_ID(Territory)} with a territory's {@code id}); other nodes are in the space {@value #NODES}, keyed by
 * an identifier the importer does not store.
 * <p>
 * A file holds one kind of record (labels, or type and ID spaces) whose properties each have one type: two passes
 * over the graph, the first one counting, in the database, the kinds and the types of their properties.
 */
public final class GraphExport {

    /**
     * The names of a record's properties that are empty lists: the importer has no cell for an empty list (an empty
     * cell is no property), so they are written here and set again once the database is built.
     */
    static final String EMPTY_LISTS = "santegraphEmptyLists";

    /** The ID space of nodes without a business key. */
    public static final String NODES = "node";

    /** Nodes with {@code label} are keyed by their string property {@code property}. */
    public record Key(String label, String property) {

        Map<String, Object> parameter() {
            return Map.of("label", label, "property", property);
        }
    }

    /** What {@code valueType} says of an empty list, whatever it was stored as. */
    private static final String EMPTY_LIST = "LIST<NOTHING> NOT NULL";

    private static final String TYPES = "COLLECT { UNWIND keys(%1$s) AS key WITH key ORDER BY key RETURN [key, valueType(%1$s[key])] }";

    private static final String NODE_KINDS = """
            MATCH (n)
            RETURN labels(n) AS labels, %s AS types, count(*) AS records
            """.formatted(TYPES.formatted("n"));

    private static final String ALL_NODES = """
            MATCH (n)
            RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties
            """;

    /** The ID space and key of a relationship's end, as the node pass chose them. */
    private static final String END = """
            coalesce(head([key IN $keys WHERE key.label IN labels(%1$s) AND valueType(%1$s[key.property]) = 'STRING NOT NULL'
                           | [key.label, %1$s[key.property]]]), ['%2$s', elementId(%1$s)])""";

    private static final String RELATIONSHIP_KINDS = """
            MATCH (a)-[r]->(b)
            WITH type(r) AS type, %s AS types, %s[0] AS startSpace, %s[0] AS endSpace
            RETURN type, types, startSpace, endSpace, count(*) AS records
            """.formatted(TYPES.formatted("r"), END.formatted("a", NODES), END.formatted("b", NODES));

    private static final String ALL_RELATIONSHIPS = """
            MATCH (a)-[r]->(b)
            RETURN type(r) AS type, %s AS start, %s AS end, properties(r) AS properties
            """.formatted(END.formatted("a", NODES), END.formatted("b", NODES));

    private final Neo4jClient neo4j;
    private final List<Key> keys;

    public GraphExport(Neo4jClient neo4j, List<Key> keys) {
        this.neo4j = neo4j;
        this.keys = List.copyOf(keys);
    }

    /**
     * What was exported: the record count, and the labels and types of records with empty lists, which
     * {@link #restoreEmptyLists} sets again in the built database.
     */
    public record Exported(long records, List<String> labels, List<String> types) {

        /** Sets the empty lists the files could not hold, then drops the names that listed them. */
        public void restoreEmptyLists(Neo4jClient neo4j) {
            for (String label : labels) {
                neo4j.query("""
                        MATCH (n:$($label)) WHERE n.%1$s IS NOT NULL
                        CALL (n) { FOREACH (key IN n.%1$s | SET n[key] = []) REMOVE n.%1$s } IN TRANSACTIONS OF 10000 ROWS
                        """.formatted(EMPTY_LISTS)).bind(label).to("label").run();
            }
            for (String type : types) {
                neo4j.query("""
                        MATCH ()-[r:$($type)]->() WHERE r.%1$s IS NOT NULL
                        CALL (r) { FOREACH (key IN r.%1$s | SET r[key] = []) REMOVE r.%1$s } IN TRANSACTIONS OF 10000 ROWS
                        """.formatted(EMPTY_LISTS)).bind(type).to("type").run();
            }
        }
    }

    /** Writes every node and relationship to {@code into}. */
    public Exported writeTo(BulkImport into) {
        List<Map<String, Object>> keyParameters = keys.stream().map(Key::parameter).toList();
        Map<String, FileKinds> nodeFiles = new HashMap<>();
        Set<String> emptyListLabels = new TreeSet<>();
        Set<String> emptyListTypes = new TreeSet<>();
        for (Record kind : neo4j.query(NODE_KINDS).fetchAs(Record.class).mappedBy((types, record) -> record).all()) {
            List<String> labels = kind.get("labels").asList(Value::asString);
            Map<String, String> types = types(kind.get("types"));
            String space = space(labels, types).map(Key::label).orElse(NODES);
            nodeFiles.computeIfAbsent(space + "|" + String.join(":", sorted(labels)), k -> new FileKinds()).add(types);
            if (types.containsValue(EMPTY_LIST)) {
                labels.forEach(emptyListLabels::add);
            }
        }
        Map<String, FileKinds> relationshipFiles = new HashMap<>();
        for (Record kind : neo4j.query(RELATIONSHIP_KINDS).bind(keyParameters).to("keys").fetchAs(Record.class)
                .mappedBy((types, record) -> record).all()) {
            Map<String, String> types = types(kind.get("types"));
            relationshipFiles.computeIfAbsent(relationshipFile(kind.get("type").asString(), kind.get("startSpace").asString(),
                    kind.get("endSpace").asString()), k -> new FileKinds()).add(types);
            if (types.containsValue(EMPTY_LIST)) {
                emptyListTypes.add(kind.get("type").asString());
            }
        }
        OpenFiles files = new OpenFiles(into);
        try {
            neo4j.delegateTo(runner -> {
                Result result = runner.run(ALL_NODES);
                while (result.hasNext()) {
                    files.node(result.next(), nodeFiles);
                }
                result = runner.run(ALL_RELATIONSHIPS, Map.of("keys", keyParameters));
                while (result.hasNext()) {
                    files.relationship(result.next(), relationshipFiles);
                }
                return Optional.empty();
            }).run();
        } catch (UncheckedIOException e) {
            IOException cause = Objects.requireNonNull(e.getCause(), "an UncheckedIOException has its cause");
            throw new ImportFailedException("writing the graph for the offline build failed: " + cause.getMessage());
        }
        // One label per record is enough to find it again.
        return new Exported(files.written, List.copyOf(emptyListLabels), List.copyOf(emptyListTypes));
    }

    private Optional<Key> space(List<String> labels, Map<String, String> types) {
        return keys.stream().filter(key -> labels.contains(key.label())
                && "STRING NOT NULL".equals(types.get(key.property()))).findFirst();
    }

    private static String relationshipFile(String type, String startSpace, String endSpace) {
        return type + "|" + startSpace + "|" + endSpace;
    }

    private static List<String> sorted(List<String> labels) {
        return labels.stream().sorted().toList();
    }

    /**
     * Property name → Cypher type name as {@code valueType} gives it, told by the driver's values: the second pass
     * need not ask the database for every record's types (half its time).
     */
    private static Map<String, String> typesOf(Value properties) {
        Map<String, String> types = new TreeMap<>();
        for (String key : properties.keys()) {
            types.put(key, cypherType(properties.get(key)));
        }
        return types;
    }

    static String cypherType(Value value) {
        if (value.type().name().startsWith("LIST")) {
            // A stored list holds one type of element.
            return value.isEmpty() ? EMPTY_LIST : "LIST<" + cypherType(value.get(0)) + "> NOT NULL";
        }
        return switch (value.type().name()) {
            case "STRING" -> "STRING NOT NULL";
            case "INTEGER" -> "INTEGER NOT NULL";
            case "FLOAT" -> "FLOAT NOT NULL";
            case "BOOLEAN" -> "BOOLEAN NOT NULL";
            case "DATE" -> "DATE NOT NULL";
            case "DATE_TIME" -> "ZONED DATETIME NOT NULL";
            case "LOCAL_DATE_TIME" -> "LOCAL DATETIME NOT NULL";
            case "TIME" -> "ZONED TIME NOT NULL";
            case "LOCAL_TIME" -> "LOCAL TIME NOT NULL";
            case "DURATION" -> "DURATION NOT NULL";
            case "POINT" -> "POINT NOT NULL";
            default -> throw new ImportFailedException("the offline build has no column type for a " + value.type().name());
        };
    }

    /** Property name → Cypher type name ({@code valueType}), from a {@code [[key, type], …]} list. */
    private static Map<String, String> types(Value pairs) {
        Map<String, String> types = new TreeMap<>();
        for (Value pair : pairs.values()) {
            types.put(pair.get(0).asString(), pair.get(1).asString());
        }
        return types;
    }

    /**
     * The files of one kind of record: property types merged while they agree, a new file where a property has
     * another type (rare: the writers give each property one type).
     */
    private static final class FileKinds {
        final List<Map<String, String>> files = new ArrayList<>();

        void add(Map<String, String> types) {
            for (Map<String, String> file : files) {
                if (types.entrySet().stream().allMatch(e -> !file.containsKey(e.getKey())
                        || fits(e.getValue(), file.get(e.getKey())))) {
                    types.forEach((key, type) -> file.merge(key, type, (held, added) -> EMPTY_LIST.equals(held) ? added : held));
                    return;
                }
            }
            files.add(new TreeMap<>(types));
        }

        /** The first file whose types take these. */
        int indexOf(Map<String, String> types) {
            for (int i = 0; i < files.size(); i++) {
                Map<String, String> file = files.get(i);
                if (types.entrySet().stream().allMatch(e -> file.containsKey(e.getKey()) && fits(e.getValue(), file.get(e.getKey())))) {
                    return i;
                }
            }
            throw new IllegalStateException("the graph changed during its export: a record of types " + types);
        }

        /** An empty list has no element type: it goes in any list column. */
        private static boolean fits(String type, String column) {
            return type.equals(column) || (EMPTY_LIST.equals(type) && column.startsWith("LIST<"))
                    || (EMPTY_LIST.equals(column) && type.startsWith("LIST<"));
        }
    }

    /** The open files, created as their first record comes. */
    private final class OpenFiles {
        final BulkImport into;
        final Map<String, Open> open = new LinkedHashMap<>();
        long written;

        OpenFiles(BulkImport into) {
            this.into = into;
        }

        private record Open(ImporterCsv csv, List<String> properties) {
        }

        void node(Record node, Map<String, FileKinds> kinds) {
            List<String> labels = node.get("labels").asList(Value::asString);
            Map<String, String> types = typesOf(node.get("properties"));
            Optional<Key> key = space(labels, types);
            String kind = key.map(Key::label).orElse(NODES) + "|" + String.join(":", sorted(labels));
            FileKinds file = kinds.get(kind);
            if (file == null) {
                throw new IllegalStateException("the graph changed during its export: nodes " + kind);
            }
            int index = file.indexOf(types);
            Open csv = open.computeIfAbsent(kind + "|" + index, name -> create(() -> {
                Map<String, String> columns = new TreeMap<>(file.files.get(index));
                List<String> header = new ArrayList<>();
                header.add(key.map(k -> checkedName(k.property()) + ":ID(" + k.label() + ")").orElse(":ID(" + NODES + ")"));
                key.ifPresent(k -> columns.remove(k.property()));
                header.add(":LABEL");
                columns.forEach((property, type) -> header.add(checkedName(property) + ":" + importerType(type)));
                header.add(EMPTY_LISTS + ":string[]");
                return new Open(into.nodes("graph-nodes-" + open.size(), "", header), List.copyOf(columns.keySet()));
            }));
            Value properties = node.get("properties");
            Object[] row = new Object[csv.properties().size() + 3];
            row[0] = key.map(k -> properties.get(k.property()).asString()).orElse(node.get("id").asString());
            // The importer splits a :LABEL cell on the array delimiter.
            row[1] = labels.stream().map(GraphExport::checkedName).toList();
            row[row.length - 1] = fill(row, 2, csv.properties(), properties);
            write(csv.csv(), row);
        }

        void relationship(Record relationship, Map<String, FileKinds> kinds) {
            String type = relationship.get("type").asString();
            List<String> start = relationship.get("start").asList(Value::asString);
            List<String> end = relationship.get("end").asList(Value::asString);
            String kind = relationshipFile(type, start.get(0), end.get(0));
            FileKinds file = kinds.get(kind);
            if (file == null) {
                throw new IllegalStateException("the graph changed during its export: relationships " + kind);
            }
            Map<String, String> types = typesOf(relationship.get("properties"));
            int index = file.indexOf(types);
            Open csv = open.computeIfAbsent(kind + "|" + index, name -> create(() -> {
                Map<String, String> columns = file.files.get(index);
                List<String> header = new ArrayList<>(List.of(":START_ID(" + start.get(0) + ")", ":END_ID(" + end.get(0) + ")"));
                columns.forEach((property, propertyType) -> header.add(checkedName(property) + ":" + importerType(propertyType)));
                header.add(EMPTY_LISTS + ":string[]");
                return new Open(into.relationships("graph-relationships-" + open.size(), checkedName(type), header),
                        List.copyOf(columns.keySet()));
            }));
            Value properties = relationship.get("properties");
            Object[] row = new Object[csv.properties().size() + 3];
            row[0] = start.get(1);
            row[1] = end.get(1);
            row[row.length - 1] = fill(row, 2, csv.properties(), properties);
            write(csv.csv(), row);
        }

        private void write(ImporterCsv csv, Object[] row) {
            try {
                csv.row(row);
                written++;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private interface Creation {
            Open create() throws IOException;
        }

        private static Open create(Creation creation) {
            try {
                return creation.create();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * Puts the values of {@code names} in {@code row} from {@code from} on; returns the names of those that are empty
     * lists (left empty in the row), or null when there are none.
     */
    private static @Nullable List<String> fill(Object[] row, int from, List<String> names, Value properties) {
        List<String> emptyLists = null;
        for (int i = 0; i < names.size(); i++) {
            Value value = properties.get(names.get(i));
            Object object = value.isNull() ? null : value.asObject();
            if (object instanceof List<?> list && list.isEmpty()) {
                emptyLists = emptyLists == null ? new ArrayList<>() : emptyLists;
                emptyLists.add(names.get(i));
                object = null;
            }
            row[from + i] = object;
        }
        return emptyLists;
    }

    /** A name the importer's header and label cells take as written. */
    private static String checkedName(String name) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c == ',' || c == ':' || c == ';' || c == '"' || c == '(' || c < ' ')) {
            throw new ImportFailedException("the offline build cannot name '" + name + "' in its files");
        }
        return name;
    }

    /** The importer's column type for a Cypher type name as {@code valueType} gives it. */
    static String importerType(String cypherType) {
        if (EMPTY_LIST.equals(cypherType)) {
            return "string[]";
        }
        String type = cypherType.replace(" NOT NULL", "");
        if (type.startsWith("LIST<") && type.endsWith(">")) {
            return importerType(type.substring(5, type.length() - 1)) + "[]";
        }
        return switch (type) {
            case "STRING" -> "string";
            case "INTEGER" -> "long";
            case "FLOAT" -> "double";
            case "BOOLEAN" -> "boolean";
            case "DATE" -> "date";
            case "ZONED DATETIME" -> "datetime";
            case "LOCAL DATETIME" -> "localdatetime";
            case "ZONED TIME" -> "time";
            case "LOCAL TIME" -> "localtime";
            case "DURATION" -> "duration";
            case "POINT" -> "point";
            default -> throw new ImportFailedException("the offline build has no column type for a " + cypherType);
        };
    }
}
