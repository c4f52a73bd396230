package fr.santegraph.dcat;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.Test;

/**
 * Times a harvester's full walk of the catalogue pages in each format and prints triples/s and peak heap.
 * Run: {@code mvn -B test -Dtest=DcatExportBenchmark -Dsurefire.excludes=none}.
 * Catalogue: until the graph reader exists, records at the scale of the real sources (312 Etalab datasets,
 * 19,355 DREES indicators in series of 7, 30 data services) built in memory; {@code -Ddcat.bench.runs=N} repeats.
 */
class DcatExportBenchmark {

    @Test
    void walkEveryPageInEachFormat() {
        List<DcatRecords.CatalogEntry> entries = new ArrayList<>(DcatFixtures.catalogue(312, 19_355));
        for (int i = 1; i < 30; i++) {
            DcatRecords.DataService s = DcatFixtures.scanSante();
            entries.add(new DcatRecords.DataService("service-" + i, "Service " + i, s.description(), s.endpointUrl(), null,
                    s.publisher(), s.licence(), s.accessLevel(), s.euThemes(), s.landingPage(), s.servesDatasets()));
        }
        int pageSize = Integer.getInteger("dcat.bench.page-size", 500);
        int runs = Integer.getInteger("dcat.bench.runs", 3);
        DcatExporter exporter = new DcatExporter(new ListDcatSource(entries), DcatFixtures.mapper(), DcatFixtures.properties(pageSize));
        System.out.printf("catalogue: %,d entries, %d pages of %d, %d runs per format (median shown)%n",
                entries.size(), exporter.lastPage(), pageSize, runs);
        for (RdfFormat format : RdfFormat.values()) {
            List<long[]> results = new ArrayList<>();
            for (int run = 0; run < runs + 1; run++) { // the first run warms up and is not counted
                results.add(walk(exporter, format));
            }
            results.remove(0);
            results.sort((a, b) -> Long.compare(a[0], b[0]));
            long[] median = results.get(results.size() / 2);
            System.out.printf("%-9s %6.2f s  %,10d triples  %,9.0f triples/s  %,8d kB out  peak heap %,5d MB  heap after page 1/mid/last: %d/%d/%d MB  (reading+mapping %.2f s)%n",
                    format, median[0] / 1e9, median[1], median[1] / (median[0] / 1e9), median[2] / 1024, median[3] >> 20,
                    median[4] >> 20, median[5] >> 20, median[6] >> 20, median[7] / 1e9);
        }
    }

    /** {elapsed ns, triples, bytes, peak heap, heap after first, middle and last page (after a GC), ns reading and mapping}. */
    private static long[] walk(DcatExporter exporter, RdfFormat format) {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        int last = exporter.lastPage();
        long[] sampled = new long[3];
        long triples = 0;
        CountingStream out = new CountingStream();
        long gcTime = 0;
        long mapTime = 0;
        long start = System.nanoTime();
        for (int page = 1; page <= last; page++) {
            long t0 = System.nanoTime();
            Model model = exporter.page(page);
            mapTime += System.nanoTime() - t0;
            triples += model.size();
            format.write(model, out);
            int slot = page == 1 ? 0 : page == last / 2 ? 1 : page == last ? 2 : -1;
            if (slot >= 0) { // heap samples need a GC to mean anything; its time is not counted
                long t = System.nanoTime();
                System.gc();
                sampled[slot] = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                gcTime += System.nanoTime() - t;
            }
        }
        long elapsed = System.nanoTime() - start - gcTime;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new long[] {elapsed, triples, out.count, peak, sampled[0], sampled[1], sampled[2], mapTime};
    }
}
