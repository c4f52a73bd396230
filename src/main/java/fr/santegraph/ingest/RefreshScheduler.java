package fr.santegraph.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.context.annotation.Profile;
import org.springframework.lang.Nullable;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * Runs the imports the configuration schedules ({@link RefreshProperties}), each at its cron, by download
 * ({@link RemoteImport}): an unchanged file costs one conditional request. Runs of one source never overlap, and a
 * failed run changes nothing and is retried at the next date. The last run, its outcome and the next date are kept
 * for {@code scheduledRefreshes} and {@code /actuator/health}.
 */
@Component("refresh")
@Profile("!import")
public class RefreshScheduler implements HealthIndicator, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(RefreshScheduler.class);

    /** How the last run of a source ended. */
    public enum Outcome { IMPORTED, NOT_MODIFIED, FAILED }

    /** One scheduled source and how its last run went (null fields: not run yet). */
    public record Status(String source, String url, String cron, @Nullable OffsetDateTime lastStartedAt,
                         @Nullable OffsetDateTime lastFinishedAt, @Nullable Outcome lastOutcome,
                         @Nullable String lastMessage, @Nullable OffsetDateTime nextRunAt) {
    }

    private final Map<String, Importer> importers = new LinkedHashMap<>();
    private final Map<String, RefreshProperties.Source> sources;
    private final RemoteImport remote;
    private final Map<String, Status> statuses = new ConcurrentHashMap<>();
    private final Map<String, ReentrantLock> running = new ConcurrentHashMap<>();
    private final @Nullable ThreadPoolTaskScheduler scheduler;

    public RefreshScheduler(List<Importer> importers, RefreshProperties properties, RemoteImport remote) {
        importers.forEach(importer -> this.importers.put(importer.name(), importer));
        this.remote = remote;
        this.sources = new LinkedHashMap<>(properties.refresh());
        sources.forEach(this::check);
        if (sources.isEmpty()) {
            scheduler = null;
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(1);
        scheduler.setThreadNamePrefix("refresh-");
        scheduler.initialize();
        sources.forEach((name, source) -> {
            statuses.put(name, new Status(name, source.url(), source.cron(), null, null, null, null, next(source)));
            scheduler.schedule(() -> runNow(name), new CronTrigger(source.cron()));
            log.info("refresh of {} from {} scheduled at '{}', next at {}", name, source.url(), source.cron(), next(source));
        });
    }

    /** A misconfigured schedule fails the start with what is wrong, rather than never running. */
    private void check(String name, RefreshProperties.Source source) {
        if (!importers.containsKey(name)) {
            throw new IllegalStateException("santegraph.refresh." + name + ": no such import source; known: "
                    + importers.keySet());
        }
        if (source.url() == null || source.cron() == null) {
            throw new IllegalStateException("santegraph.refresh." + name + " needs both url and cron");
        }
        Download.parse(source.url());
        if (!CronExpression.isValidExpression(source.cron())) {
            throw new IllegalStateException("santegraph.refresh." + name + ".cron '" + source.cron()
                    + "' is not a cron expression (six fields: second minute hour day month weekday)");
        }
    }

    private static @Nullable OffsetDateTime next(RefreshProperties.Source source) {
        ZonedDateTime next = CronExpression.parse(source.cron()).next(ZonedDateTime.now(ZoneId.systemDefault()));
        return next == null ? null : next.toOffsetDateTime();
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** Runs one scheduled source now (the scheduler's task; also for tests and operators). */
    public @Nullable Status runNow(String name) {
        RefreshProperties.Source source = sources.get(name);
        if (source == null) {
            throw new IllegalArgumentException("no refresh is scheduled for " + name);
        }
        ReentrantLock lock = running.computeIfAbsent(name, n -> new ReentrantLock());
        if (!lock.tryLock()) {
            log.warn("refresh of {} still running, this turn is skipped", name);
            return statuses.get(name);
        }
        try {
            OffsetDateTime started = now();
            Outcome outcome;
            String message;
            try {
                Map<String, String> options = new LinkedHashMap<>(source.options());
                options.put("url", source.url());
                ImportSummary summary = remote.run(Objects.requireNonNull(importers.get(name), name),
                                                   new ImportRequest(name, Map.copyOf(options)));
                outcome = summary.counter(RemoteImport.NOT_MODIFIED) > 0 ? Outcome.NOT_MODIFIED : Outcome.IMPORTED;
                message = summary.read() + " rows read, " + summary.rejected() + " rejected";
            } catch (Exception e) {
                outcome = Outcome.FAILED;
                message = e.getMessage();
                log.warn("refresh of {} from {} failed, nothing changed: {}", name, source.url(), e.getMessage());
            }
            Status status = new Status(name, source.url(), source.cron(), started, now(), outcome, message,
                    next(source));
            statuses.put(name, status);
            return status;
        } finally {
            lock.unlock();
        }
    }

    public List<Status> statuses() {
        List<Status> list = new ArrayList<>();
        sources.keySet().forEach(name -> list.add(statuses.get(name)));
        return list;
    }

    /**
     * Always UP (a failed refresh leaves the graph as it was, still worth serving); the details, shown to ADMIN only,
     * list every source with its last outcome and next run.
     */
    @Override
    public Health health() {
        if (sources.isEmpty()) {
            return Health.up().withDetail("scheduled", 0).build();
        }
        Health.Builder health = Health.up().withDetail("failing", statuses().stream()
                .filter(status -> status.lastOutcome() == Outcome.FAILED).map(Status::source).toList());
        statuses().forEach(status -> {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("url", status.url());
            details.put("cron", status.cron());
            details.put("lastFinishedAt", status.lastFinishedAt());
            details.put("lastOutcome", status.lastOutcome());
            details.put("lastMessage", status.lastMessage());
            details.put("nextRunAt", status.nextRunAt());
            health.withDetail(status.source(), details);
        });
        return health.build();
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdown();
        }
    }
}
