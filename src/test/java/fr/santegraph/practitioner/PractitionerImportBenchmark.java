package fr.santegraph.practitioner;

import com.sun.management.OperatingSystemMXBean;
import fr.santegraph.BundledData;
import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.ingest.RetirementLimit;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Imports synthetic national-size extractions into the embedded database over the real COG and prints rows/s,
 * peak heap and elapsed time per size. Not a unit test (excluded from surefire by name); run with
 * {@code mvn -B test -Dtest=PractitionerImportBenchmark -Dsurefire.excludes=none [-Dbench.lines=200000,2000000]}.
 * Heap figures are for the whole JVM, embedded Neo4j included; cpu is the JVM's CPU time (all threads, JIT and GC
 * included) and load the 1-minute load average before → after, since the machine is usually shared.
 */
@IntegrationTest
class PractitionerImportBenchmark {

    @Autowired
    RealGraph realGraph;
    @Autowired
    PractitionerImporter importer;
    @Autowired
    Neo4jClient neo4j;

    @Test
    void importSyntheticExtractions() throws Exception {
        realGraph.territories();
        List<Long> sizes = Arrays.stream(System.getProperty("bench.lines", "200000,2000000").split(","))
                .map(String::strip).map(Long::parseLong).toList();
        StringBuilder report = new StringBuilder("\n=== RPPS import benchmark (").append(Runtime.getRuntime().availableProcessors())
                .append(" cores, max heap ").append(Runtime.getRuntime().maxMemory() >> 20).append(" MiB) ===\n");
        for (long lines : sizes) {
            Path file = Path.of("target/rpps-bench/PS_LibreAcces_Personne_activite_" + lines + ".txt");
            if (!Files.exists(file)) {
                long start = System.nanoTime();
                RppsGenerator.generate(BundledData.territories().resolve("communes.json.gz"), file, lines, 42);
                report.append(String.format("generated %,d lines (%,d MB) in %.1f s%n", lines, Files.size(file) >> 20,
                        (System.nanoTime() - start) / 1e9));
            }
            // -Dbench.reuse=true with -Dsantegraph.embedded.data-dir=<folder> -Dsantegraph.embedded.ephemeral=false:
            // a store left by an earlier run keeps its practitioners, and only the refreshes are measured (to
            // iterate on them; comparisons between commits still take full runs, each on its own store).
            if (!Boolean.getBoolean("bench.reuse") || practitioners() == 0) {
                clearPractitioners();
                report.append(measure("initial import", file, lines, 1));
                System.out.print(report);
            }
            // A later day's file: ~1 % of the practitioners gone, ~1 % changed, ~1 % new.
            Path next = Path.of("target/rpps-bench/PS_LibreAcces_Personne_activite_" + lines + "_next.txt");
            if (!Files.exists(next)) {
                RppsGenerator.nextExtraction(file, next, 0.01, 43);
            }
            // Refreshes are short next to the noise of a shared machine: -Dbench.refreshes=3 repeats each kind, the
            // changed-file refreshes going back and forth between the two days (each a ~3 % difference).
            int refreshes = Integer.getInteger("bench.refreshes", 1);
            int day = 1;
            for (int i = 1; i <= refreshes; i++) {
                report.append(measure("refresh, same file", file, lines, ++day));
                System.out.print(report);
            }
            for (int i = 1; i <= refreshes; i++) {
                report.append(measure("refresh, next file", i % 2 == 1 ? next : file, lines, ++day));
                System.out.print(report);
            }
        }
        System.out.println(report);
    }

    private String measure(String label, Path file, long lines, int day) throws Exception {
        String stamp = String.format("202504%02d", day);
        System.gc();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong peakUsed = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            long started = System.nanoTime();
            long lastPrint = started;
            while (running.get()) {
                peakUsed.accumulateAndGet(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
                if (System.nanoTime() - lastPrint > 30e9) {
                    // A run cut short still leaves its heap profile in the log.
                    lastPrint = System.nanoTime();
                    System.out.printf("[bench] %s %.0f s: peak heap used so far %,d MiB, after last GC %,d MiB%n", label,
                            (lastPrint - started) / 1e9, peakUsed.get() >> 20, heapPools.stream().mapToLong(pool ->
                                    pool.getCollectionUsage() == null ? 0 : pool.getCollectionUsage().getUsed()).sum() >> 20);
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        // The machine is shared: CPU seconds used by this JVM (Neo4j, JIT and GC included) compare runs made under
        // different loads better than elapsed time does.
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        Map<String, Long> threadsBefore = cpuByThreadGroup();
        long[] vmBefore = gcAndJitMillis();
        long cpuStart = os.getProcessCpuTime();
        long start = System.nanoTime();
        ImportSummary summary = importer.importFiles(new PractitionerImporter.Options(file, null, null, null, null, stamp, RetirementLimit.DEFAULT));
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuStart) / 1e9;
        Map<String, Long> threadsAfter = cpuByThreadGroup();
        long[] vmAfter = gcAndJitMillis();
        double loadAfter = os.getSystemLoadAverage();
        running.set(false);
        sampler.join();
        // Live data: the largest heap occupancy right after a collection, per pool.
        long afterGc = heapPools.stream().mapToLong(pool -> pool.getCollectionUsage() == null ? 0
                : pool.getCollectionUsage().getUsed()).sum();
        return String.format("%-20s %,10d lines  %7.1f s  %,8d rows/s  cpu %,7.1f s (%,d rows per cpu-s)  load %.1f→%.1f"
                        + "  peak heap used %,6d MiB  heap after last GC %,6d MiB"
                        + "  (created %,d, updated %,d, unchanged %,d, retired %,d, rejected %,d)%n%s",
                label, lines, seconds, Math.round(summary.read() / seconds), cpuSeconds,
                Math.round(summary.read() / cpuSeconds), loadBefore, loadAfter, peakUsed.get() >> 20, afterGc >> 20,
                summary.counter("practitioners created"), summary.counter("practitioners updated"),
                summary.counter("practitioners unchanged"), summary.counter("practitioners retired"), summary.rejected(),
                cpuShares(threadsBefore, threadsAfter, cpuSeconds) + String.format(
                        "    GC: %,d collections, %.1f s paused; JIT: %.1f s compiling%n", vmAfter[0] - vmBefore[0],
                        (vmAfter[1] - vmBefore[1]) / 1e3, (vmAfter[2] - vmBefore[2]) / 1e3));
    }

    /** Collections, milliseconds of GC pauses and of JIT compilation so far (whole JVM). */
    private static long[] gcAndJitMillis() {
        long collections = 0;
        long paused = 0;
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            collections += Math.max(gc.getCollectionCount(), 0);
            paused += Math.max(gc.getCollectionTime(), 0);
        }
        return new long[] {collections, paused, ManagementFactory.getCompilationMXBean().getTotalCompilationTime()};
    }

    /** CPU nanoseconds of the live Java threads, by role: the reader, the writer, Neo4j's Bolt workers, the rest. */
    private static Map<String, Long> cpuByThreadGroup() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Long> cpu = new TreeMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            String name = info.getThreadName();
            String group = name.equals("main") ? "reader" : name.startsWith("rpps-writer") ? "writer thread"
                    : name.contains("BoltWorker") ? "Neo4j Bolt workers" : name.contains("Bolt") || name.contains("Driver")
                    ? "Bolt and driver I/O" : "other Java threads";
            cpu.merge(group + "#" + info.getThreadId(), Math.max(nanos, 0), Long::sum);
        }
        return cpu;
    }

    /**
     * Where the CPU of one run went. Threads are matched by id between the two snapshots (a thread started during the
     * run counts from zero); what no Java thread accounts for is the JVM's own work: JIT compilers and GC.
     */
    private static String cpuShares(Map<String, Long> before, Map<String, Long> after, double cpuSeconds) {
        Map<String, Double> byGroup = new TreeMap<>();
        after.forEach((key, nanos) -> byGroup.merge(key.substring(0, key.indexOf('#')),
                (nanos - before.getOrDefault(key, 0L)) / 1e9, Double::sum));
        double javaThreads = byGroup.values().stream().mapToDouble(Double::doubleValue).sum();
        byGroup.put("JIT and GC (the rest)", Math.max(0, cpuSeconds - javaThreads));
        StringBuilder text = new StringBuilder("    cpu by thread:");
        byGroup.forEach((group, seconds) -> text.append(String.format(" %s %.1f s,", group, seconds)));
        return text.deleteCharAt(text.length() - 1).append('\n').toString();
    }

    private long practitioners() {
        return neo4j.query("MATCH (p:Practitioner) RETURN count(p)").fetchAs(Long.class).one().orElse(0L);
    }

    private void clearPractitioners() {
        neo4j.query("""
                MATCH (n) WHERE n:Practitioner OR n:Activity OR n:Site OR n:ImportRun
                CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS
                """).run();
    }
}
