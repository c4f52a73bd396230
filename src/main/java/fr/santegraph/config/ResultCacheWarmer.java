package fr.santegraph.config;

import fr.santegraph.ingest.SourceImported;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * After an import, answers again in the background the questions most asked before it, so that the dashboards
 * coming back find their answers kept instead of all queueing behind executions at once. Each question is asked as
 * it was: the same document and variables, with its caller's authorities (an institution's unmasked answer is kept
 * for institutions only), through the whole GraphQL handler — the query limits and the request timeout apply. One
 * question at a time, at most {@code warm-questions} of them and for at most {@code warm-time}; a warming stops
 * when the graph changes again (the next import's end starts another).
 */
@Component
public class ResultCacheWarmer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ResultCacheWarmer.class);
    private static final URI ENDPOINT = URI.create("http://localhost/graphql");

    /** What the last warming did. */
    public record Outcome(String after, int chosen, int answered, int alreadyKept, int failed, boolean stopped,
                          long millis) {
    }

    private final ResultCacheInterceptor cache;
    /** The service's handler, looked up when first used: it is built from the interceptors, this cache among them. */
    private final Supplier<WebGraphQlHandler> handler;
    private final ResultCacheProperties properties;
    private final Duration requestTimeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "result-cache-warm");
        thread.setDaemon(true);
        return thread;
    });
    private final Counter warmed;
    /** Moves with every warming started: an older one still running stops at its next question. */
    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private volatile @Nullable Future<?> running;
    private volatile @Nullable Outcome last;

    @Autowired
    public ResultCacheWarmer(ResultCacheInterceptor cache, ObjectProvider<WebGraphQlHandler> handler,
                             ResultCacheProperties properties, QueryLimitsProperties limits, MeterRegistry meters) {
        this(cache, handler::getObject, properties, limits, meters);
    }

    ResultCacheWarmer(ResultCacheInterceptor cache, Supplier<WebGraphQlHandler> handler,
                      ResultCacheProperties properties, QueryLimitsProperties limits, MeterRegistry meters) {
        this.cache = cache;
        this.handler = handler;
        this.properties = properties;
        this.requestTimeout = limits.requestTimeout();
        this.warmed = Counter.builder("santegraph.graphql.result.cache").tag("result", "warmed")
                .description("GraphQL queries answered again in the background after an import, to be kept")
                .register(meters);
    }

    /**
     * Runs after the import's other listeners (derived data such as the density indicators is written first: a
     * warming before it would be dropped by its writes).
     */
    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void sourceImported(SourceImported event) {
        warm("the " + event.source() + " import");
    }

    /** Starts a warming (stopping the one under way); nothing when warming is off or nothing was asked. */
    public synchronized void warm(String after) {
        if (properties.warmQuestions() == 0 || !cache.cache().enabled()) {
            return;
        }
        long mine = generation.incrementAndGet();
        running = worker.submit(() -> run(after, mine));
    }

    /** Waits for the warming under way, if any, to end (tests, benchmarks); false if it did not in time. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        Future<?> current = running;
        if (current == null) {
            return true;
        }
        try {
            current.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true; // logged by the warming itself
        }
    }

    /** The last warming's outcome; null before the first. */
    public @Nullable Outcome last() {
        return last;
    }

    private void run(String after, long mine) {
        long start = System.nanoTime();
        OptionalLong version = cache.version();
        List<ResultCacheInterceptor.Key> questions = cache.mostAsked(properties.warmQuestions());
        int answered = 0;
        int alreadyKept = 0;
        int failed = 0;
        boolean stopped = false;
        long deadline = start + properties.warmTime().toNanos();
        for (ResultCacheInterceptor.Key question : questions) {
            if (generation.get() != mine || !cache.version().equals(version) || System.nanoTime() > deadline
                    || Thread.currentThread().isInterrupted()) {
                stopped = true;
                break;
            }
            if (cache.kept(question)) {
                alreadyKept++;
                continue;
            }
            try {
                if (ask(question)) {
                    answered++;
                    warmed.increment();
                } else {
                    failed++;
                }
            } catch (RuntimeException e) {
                // A question that fails now is the asker's to see again, not a reason to stop the others.
                failed++;
                log.debug("Result cache warming: a question failed: {}", e.getMessage());
            }
        }
        long millis = Math.round((System.nanoTime() - start) / 1e6);
        Outcome outcome = new Outcome(after, questions.size(), answered, alreadyKept, failed, stopped, millis);
        last = outcome;
        if (!questions.isEmpty()) {
            log.info("Result cache warmed after {}: {} of the {} questions most asked before answered again in {} s "
                            + "({} already kept, {} failed{})", after, answered, questions.size(),
                    String.format("%.1f", millis / 1e3), alreadyKept, failed,
                    stopped ? "; stopped early: the graph changed again, another warming began or warm-time ran out"
                            : "");
        }
    }

    /** Asks {@code question} as its caller did; true when it was answered without errors (and so kept). */
    private boolean ask(ResultCacheInterceptor.Key question) {
        Map<String, Object> attributes = new HashMap<>();
        attributes.put(ResultCacheInterceptor.WARMING, Boolean.TRUE);
        WebGraphQlRequest request = new WebGraphQlRequest(ENDPOINT, new HttpHeaders(), null, null, attributes,
                new DefaultGraphQlRequest(question.document(), question.operationName(), question.variables(), null),
                "warm-" + requests.incrementAndGet(), null);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        if (!question.authorities().isEmpty()) {
            context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("result-cache-warming", null,
                    question.authorities().stream().map(SimpleGrantedAuthority::new).toList()));
        }
        SecurityContextHolder.setContext(context);
        try {
            WebGraphQlResponse response = handler.get().handleRequest(request)
                    .block(requestTimeout.plusSeconds(5));
            return response != null && response.isValid() && response.getErrors().isEmpty();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    @Override
    public void close() {
        generation.incrementAndGet();
        worker.shutdownNow();
    }
}
