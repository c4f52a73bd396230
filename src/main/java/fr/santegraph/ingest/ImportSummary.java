package fr.santegraph.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What an import did: rows read and rejected, named counters (nodes written per kind…), elapsed time. */
public record ImportSummary(String source, long read, long rejected, List<Rejection> rejections,
                           Map<String, Long> counters, Duration elapsed) {

    /** Several runs reported as one (a source loaded by two importers, {@code import all}). */
    public static ImportSummary combine(String source, ImportSummary... parts) {
        long read = 0;
        long rejected = 0;
        List<Rejection> rejections = new ArrayList<>();
        Map<String, Long> counters = new HashMap<>();
        Duration elapsed = Duration.ZERO;
        for (ImportSummary part : parts) {
            read += part.read();
            rejected += part.rejected();
            rejections.addAll(part.rejections());
            part.counters().forEach((name, value) -> counters.merge(name, value, Long::sum));
            elapsed = elapsed.plus(part.elapsed());
        }
        return new ImportSummary(source, read, rejected, List.copyOf(rejections), Map.copyOf(counters), elapsed);
    }

    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    public String describe() {
        var text = new StringBuilder();
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        text.append(String.format("%s: %d rows read, %d rejected in %.1f s (%d rows/s)%n", source, read, rejected,
                seconds, Math.round(read / seconds)));
        new TreeMap<>(counters).forEach((name, value) -> text.append(String.format("  %-28s %d%n", name, value)));
        rejections.stream().limit(50).forEach(r -> text.append("  rejected ").append(r).append('\n'));
        if (rejected > 50) {
            text.append("  … and ").append(rejected - 50).append(" more rejections\n");
        }
        return text.toString();
    }
}
