package fr.santegraph.practitioner;

import fr.santegraph.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the database itself sustains on this machine for the simplest write shapes, through the same driver, Bolt
 * connector and batch size as the importers: the ceiling any importer built on transactional Cypher can reach.
 * Not a unit test (excluded from surefire by name); run with
 * {@code mvn -B test -Dtest=WriteCeilingBenchmark -Dsurefire.excludes=none [-Dbench.rows=200000]}.
 * Each shape runs three times on new labels; the first run warms the JIT, the median of the other two is printed.
 */
@IntegrationTest
class WriteCeilingBenchmark {

    private static final int BATCH = 10_000;

    @Autowired
    Driver driver;

    private record Shape(String name, String cypher, IntFunction<Map<String, Object>> row) {
    }

    @Test
    void printWriteCeilings() {
        int rows = Integer.getInteger("bench.rows", 200_000);
        List<Shape> shapes = List.of(
                new Shape("node, key only, no index", "UNWIND $rows AS row CREATE (:%s {id: row.id})", WriteCeilingBenchmark::keyOnly),
                new Shape("node, unique key", "UNWIND $rows AS row CREATE (:%s {id: row.id})", WriteCeilingBenchmark::keyOnly),
                new Shape("node, unique key + relationship to one shared node",
                        "MATCH (hub:CeilingHub) UNWIND $rows AS row CREATE (:%s {id: row.id})-[:LINKED_TO]->(hub)",
                        WriteCeilingBenchmark::keyOnly),
                new Shape("node, unique key + 11 short codes (inlined)", "UNWIND $rows AS row CREATE (:%s {" + elevenProperties()
                        + "})", i -> withProperties(i, "C")),
                new Shape("node, unique key + 11 strings of ~25 chars", "UNWIND $rows AS row CREATE (:%s {" + elevenProperties()
                        + "})", i -> withProperties(i, "a published value, line ")));
        try (Session session = driver.session()) {
            session.run("MERGE (:CeilingHub {id: 'hub'})").consume();
        }
        StringBuilder report = new StringBuilder(String.format("%n=== Write ceilings: %,d rows per shape, batches of %,d, "
                + "%d cores ===%n", rows, BATCH, Runtime.getRuntime().availableProcessors()));
        int label = 0;
        for (Shape shape : shapes) {
            double[] seconds = new double[3];
            for (int round = 0; round < seconds.length; round++) {
                String name = "Ceiling" + label++;
                if (!shape.name().contains("no index")) {
                    try (Session session = driver.session()) {
                        session.run("CREATE CONSTRAINT " + name.toLowerCase() + "_id FOR (n:" + name + ") REQUIRE n.id IS UNIQUE").consume();
                    }
                }
                seconds[round] = write(shape.cypher().formatted(name), rows, shape.row());
            }
            double median = (seconds[1] + seconds[2]) / 2;
            report.append(String.format("%-55s %6.2f s  %,9.0f rows/s   (runs %s s)%n", shape.name(), median, rows / median,
                    Arrays.toString(Arrays.stream(seconds).map(s -> Math.round(s * 100) / 100.0).toArray())));
        }
        System.out.println(report);
    }

    private double write(String cypher, int rows, IntFunction<Map<String, Object>> row) {
        long start = System.nanoTime();
        for (int from = 0; from < rows; from += BATCH) {
            List<Map<String, Object>> batch = new ArrayList<>(BATCH);
            for (int i = from; i < Math.min(rows, from + BATCH); i++) {
                batch.add(row.apply(i));
            }
            try (Session session = driver.session()) {
                session.executeWrite(tx -> tx.run(cypher, Map.of("rows", batch)).consume());
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static Map<String, Object> keyOnly(int i) {
        return Map.of("id", "1" + (10_000_000_000L + i));
    }

    private static String elevenProperties() {
        StringBuilder properties = new StringBuilder("id: row.id");
        for (int p = 1; p <= 11; p++) {
            properties.append(", p").append(p).append(": row.p").append(p);
        }
        return properties.toString();
    }

    private static Map<String, Object> withProperties(int i, String prefix) {
        Map<String, Object> row = new LinkedHashMap<>(keyOnly(i));
        for (int p = 1; p <= 11; p++) {
            row.put("p" + p, prefix + p + (prefix.length() > 1 ? " " + i : ""));
        }
        return row;
    }
}
