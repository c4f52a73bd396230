package fr.santegraph.observation;

import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import fr.santegraph.disclosure.DisclosureAudit;
import fr.santegraph.ingest.ImportSummary;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * One count indicator over every commune of France, its EPCIs, départements and regions, a year and four quarters
 * (about 180,000 cells): prints the import, the decision alone, a re-import moving 20 stays between two communes,
 * heap, the audit of every masked cell by the moves that protect it, and — with {@code -Dbench.audit=true} — the
 * attacker's linear programs over a sample of the masked cells
 * ({@code -Dbench.audit.every=100}, {@code -Dbench.audit.hops=2}). Not a unit test; run with
 * {@code mvn -B test -Dtest=DisclosureBenchmark -Dsurefire.excludes=none [-Dbench.audit=true]}.
 */
@IntegrationTest
class DisclosureBenchmark {

    @Autowired
    RealGraph realGraph;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    ObservationImporter observations;
    @Autowired
    ObservationDisclosure disclosure;

    @Test
    void decideOneIndicatorOverFrance() throws Exception {
        realGraph.territories();
        neo4j.query("MATCH (i:Indicator {code: 'bench-stays'}) OPTIONAL MATCH (o:Observation)-[:OF_INDICATOR]->(i) "
                + "CALL (o, i) { DETACH DELETE o, i } IN TRANSACTIONS OF 10000 ROWS").run();
        neo4j.query("CREATE (:Indicator {id: 'indicator:bench-stays', code: 'bench-stays', name: 'bench'})").run();
        Map<String, List<String>> parents = new LinkedHashMap<>();
        neo4j.query("""
                        MATCH (c:Commune {active: true})-[:PART_OF]->(d:Department)-[:PART_OF]->(r:Region)
                        OPTIONAL MATCH (c)-[:MEMBER_OF]->(e:Epci)
                        RETURN c.id AS c, d.id AS d, r.id AS r, e.id AS e""")
                .fetch().all().forEach(row -> {
                    List<String> ps = new ArrayList<>(List.of((String) row.get("d")));
                    if (row.get("e") != null) {
                        ps.add((String) row.get("e"));
                    }
                    parents.put((String) row.get("c"), ps);
                    parents.putIfAbsent((String) row.get("d"), List.of((String) row.get("r")));
                });
        Random random = new Random(2023);
        Map<String, long[]> totals = new HashMap<>();
        parents.forEach((territory, ps) -> {
            if (!territory.startsWith("commune:")) {
                return;
            }
            double size = Math.exp(random.nextGaussian() * 1.4 + 2.0);
            long[] quarters = new long[4];
            for (int q = 0; q < 4; q++) {
                quarters[q] = Math.max(0, Math.round(size * (0.5 + random.nextDouble())));
            }
            List<String> above = new ArrayList<>(List.of(territory));
            for (int i = 0; i < above.size(); i++) {
                above.addAll(parents.getOrDefault(above.get(i), List.of()));
            }
            above.stream().distinct().forEach(t -> {
                long[] total = totals.computeIfAbsent(t, k -> new long[4]);
                for (int q = 0; q < 4; q++) {
                    total[q] += quarters[q];
                }
            });
        });
        StringBuilder csv = new StringBuilder("indicator,territory,period,value,unit,numerator,denominator,kind\n");
        totals.forEach((territory, quarters) -> {
            long year = 0;
            for (int q = 0; q < 4; q++) {
                csv.append("bench-stays,").append(territory).append(",2023-Q").append(q + 1).append(',')
                        .append(quarters[q]).append(",,,,count\n");
                year += quarters[q];
            }
            csv.append("bench-stays,").append(territory).append(",2023,").append(year).append(",,,,count\n");
        });
        Path file = Files.createTempFile("bench-stays", ".csv");
        Files.writeString(file, csv);

        StringBuilder report = new StringBuilder("\n=== Disclosure benchmark (" + Runtime.getRuntime().availableProcessors()
                + " cores) ===\n");
        long start = System.nanoTime();
        ImportSummary summary = observations.importFile(file);
        report.append(String.format("import and decision: %,d cells in %.1f s (%,d small, %,d masked to protect them)%n",
                summary.counter("observations written"), (System.nanoTime() - start) / 1e9,
                summary.counter("counts masked as small"), summary.counter("counts masked to protect them")));
        System.gc();
        var memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        List<Double> decisions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            start = System.nanoTime();
            ObservationDisclosure.Outcome outcome = disclosure.decide("indicator:bench-stays");
            decisions.add((System.nanoTime() - start) / 1e9);
            if (outcome.rewritten() != 0) {
                throw new AssertionError("a decision taken again rewrote " + outcome.rewritten() + " cells");
            }
        }
        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        decisions.sort(Double::compare);
        report.append(String.format("decision alone (read, suppress, compare; nothing to rewrite): median %.1f s of 3 "
                + "(%s); heap in use before %,d MiB, pools' peak %,d MiB%n", decisions.get(1), decisions,
                heapBefore >> 20, heapPeak >> 20));
        // Twenty stays move from one commune to another of the same EPCI and département (every total unchanged):
        // the re-import decides again and rewrites only the cells whose decision changed.
        String grows = null;
        String shrinks = null;
        for (String c : totals.keySet()) {
            if (grows == null && c.startsWith("commune:") && totals.get(c)[0] > 0 && totals.get(c)[0] < 11) {
                for (String other : totals.keySet()) {
                    if (other.startsWith("commune:") && parents.get(other).equals(parents.get(c)) && totals.get(other)[0] >= 40) {
                        grows = c;
                        shrinks = other;
                        break;
                    }
                }
            }
        }
        Path one = Files.createTempFile("bench-one", ".csv");
        Files.writeString(one, "indicator,territory,period,value,unit,numerator,denominator,kind\n"
                + "bench-stays," + grows + ",2023-Q1," + (totals.get(grows)[0] + 20) + ",,,,count\n"
                + "bench-stays," + shrinks + ",2023-Q1," + (totals.get(shrinks)[0] - 20) + ",,,,count\n"
                + "bench-stays," + grows + ",2023," + (Arrays.stream(totals.get(grows)).sum() + 20) + ",,,,count\n"
                + "bench-stays," + shrinks + ",2023," + (Arrays.stream(totals.get(shrinks)).sum() - 20) + ",,,,count\n");
        start = System.nanoTime();
        ImportSummary again = observations.importFile(one);
        double reimport = (System.nanoTime() - start) / 1e9;
        long rewritten = disclosure.decide("indicator:bench-stays").rewritten();
        report.append(String.format("re-import of two cells (20 stays from %s to %s in 2023-Q1): %.1f s, "
                + "%,d small and %,d protecting counts after%n", shrinks, grows, reimport,
                again.counter("counts masked as small"), again.counter("counts masked to protect them")));
        if (rewritten != 0) {
            throw new AssertionError("the decision after the re-import was not stored: " + rewritten);
        }
        // What an anonymous caller receives, and the truth an institution sees.
        List<DisclosureAudit.Received> received = new ArrayList<>();
        Map<String, Long> truth = new HashMap<>();
        neo4j.query("""
                        MATCH (o:Observation {indicatorId: 'indicator:bench-stays'})
                        RETURN o.territoryId AS t, o.period AS p, o.count AS count, o.countMasked AS masked""")
                .fetch().all().forEach(row -> {
                    long count = ((Number) row.get("count")).longValue();
                    boolean masked = Boolean.TRUE.equals(row.get("masked"));
                    received.add(new DisclosureAudit.Received((String) row.get("t"), (String) row.get("p"),
                            masked ? null : count));
                    truth.put(row.get("t") + "|" + row.get("p"), count);
                });
        // Every masked cell of France, proven by the moves the suppression reports, each checked against the
        // caller's own sums: linear in the table, where the linear programs below can only take a sample.
        start = System.nanoTime();
        var certificates = DisclosureAudit.certify(received, parents, truth, disclosure.countMoves("indicator:bench-stays"));
        report.append(String.format("audit by the moves: %,d masked cells, each proven to keep at least %d whole "
                        + "values (narrower than three: %,d; moves rejected: %,d), in %.1f s%n",
                certificates.wholeValues().size(), certificates.fewest(), certificates.narrowerThan(3),
                certificates.invalid().size(), (System.nanoTime() - start) / 1e9));
        if (certificates.narrowerThan(3) > 0 || !certificates.invalid().isEmpty()) {
            System.out.println(report);
            throw new AssertionError("masked cells the moves do not prove: " + certificates.narrowerThan(3)
                    + "; moves rejected: " + certificates.invalid().stream().limit(5).toList());
        }
        if (Boolean.getBoolean("bench.audit")) {
            // All of France's masked cells form groups too large for one program each (EPCIs across borders chain
            // départements): a sample (one masked cell in -Dbench.audit.every, default 100), each solved by an
            // attacker who also knows every masked cell more than -Dbench.audit.hops sums away (default 2).
            int every = Integer.getInteger("bench.audit.every", 100);
            int hops = Integer.getInteger("bench.audit.hops", 2);
            start = System.nanoTime();
            var bounds = DisclosureAudit.boundsKnowingFarCells(received, parents,
                    cell -> Math.floorMod(cell.hashCode(), every) == 0, truth, hops);
            long narrow = bounds.values().stream().filter(b -> b.wholeValues() < 3).count();
            double least = bounds.values().stream().mapToDouble(DisclosureAudit.Bounds::wholeValues).min().orElse(0);
            report.append(String.format("audit: %,d masked cells (one in %d; far cells known beyond %d sums) bounded "
                    + "by linear programs in %.1f s; narrower than three values: %,d; fewest whole values left: %.0f%n",
                    bounds.size(), every, hops, (System.nanoTime() - start) / 1e9, narrow, least));
        }
        System.out.println(report);
        neo4j.query("MATCH (i:Indicator {code: 'bench-stays'}) OPTIONAL MATCH (o:Observation)-[:OF_INDICATOR]->(i) "
                + "CALL (o, i) { DETACH DELETE o, i } IN TRANSACTIONS OF 10000 ROWS").run();
    }
}
