package fr.santegraph.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.lang.Nullable;

/**
 * The bookkeeping of one import: rows read, rejections (file, line, reason), named counters and periodic
 * progress lines. Every rejection is counted; the first {@value #KEPT_REJECTIONS} are kept verbatim so a
 * corrupt file cannot exhaust memory.
 */
public final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);
    static final int KEPT_REJECTIONS = 10_000;
    private static final long PROGRESS_EVERY_NANOS = Duration.ofSeconds(5).toNanos();

    private final String source;
    private final String id = UUID.randomUUID().toString();
    private final Instant startedAt = Instant.now();
    private final long startNanos = System.nanoTime();
    private final List<Rejection> rejections = new ArrayList<>();
    private final Map<String, Long> counters = new LinkedHashMap<>();
    private long read;
    private long written;
    private long rejected;
    private long lastProgressNanos = startNanos;

    public ImportRun(String source) {
        this.source = source;
    }

    /** A unique stamp written on every node this run touches, to find the ones it did not. */
    public String id() {
        return id;
    }

    public String source() {
        return source;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public void rowRead() {
        read++;
        progress();
    }

    /** Rows written by an importer that reads its whole source before writing. */
    public void rowsWritten(long rows) {
        written += rows;
        progress();
    }

    private void progress() {
        long now = System.nanoTime();
        if (now - lastProgressNanos >= PROGRESS_EVERY_NANOS) {
            lastProgressNanos = now;
            double seconds = (now - startNanos) / 1e9;
            log.info("{}: {} rows read{}, {} rejected, {} rows/s, {} s elapsed", source, read,
                    written == 0 ? "" : ", " + written + " written", rejected, Math.round(Math.max(read, written) / seconds),
                    Math.round(seconds));
        }
    }

    public void reject(String file, long line, @Nullable String reason) {
        rejected++;
        if (rejections.size() < KEPT_REJECTIONS) {
            rejections.add(new Rejection(file, line, reason));
        }
        log.debug("rejected {}:{}: {}", file, line, reason);
    }

    public void count(String counter, long delta) {
        counters.merge(counter, delta, Long::sum);
    }

    public long read() {
        return read;
    }

    public long rejected() {
        return rejected;
    }

    public List<Rejection> rejections() {
        return Collections.unmodifiableList(rejections);
    }

    public ImportSummary finish() {
        return new ImportSummary(source, read, rejected, List.copyOf(rejections), Map.copyOf(counters),
                Duration.ofNanos(System.nanoTime() - startNanos));
    }
}
