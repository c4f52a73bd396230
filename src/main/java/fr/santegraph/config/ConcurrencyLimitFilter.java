package fr.santegraph.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.santegraph.common.ClientKey;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * At most {@code max-concurrent-requests} GraphQL requests execute at once; the others wait their turn in arrival
 * order. Fifty requests sharing two cores all finish late, the cheap ones as late as the expensive ones, and the
 * expensive ones past the Cypher timeout; taken a few at a time each runs at full speed and the wait is the same
 * for everyone. A request that cannot start within the request timeout gets a 503 naming the limit. A request
 * whose answer the result cache holds takes no turn: it costs no execution, and must not wait behind them.
 * <p>
 * One client (its account, else its address, {@link ClientKey}) holds at most {@code max-concurrent-per-client}
 * turns (all but one by default), waiting for its own turn first: its heavy requests cannot keep everyone else out.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ConcurrencyLimitFilter extends GraphQlEndpointFilter {

    /** Whether the answer to a GraphQL request body is kept in memory (nothing to execute). */
    @FunctionalInterface
    interface KeptAnswers {
        KeptAnswers NONE = body -> false;

        boolean kept(byte[] body);
    }

    private final int permits;
    private final int perClient;
    private final Semaphore running;
    /** Per client with a request running or waiting: its own turns; removed when its last request ends. */
    private final ConcurrentHashMap<String, ClientTurns> clients = new ConcurrentHashMap<>();
    private final Duration maxWait;
    private final KeptAnswers keptAnswers;

    @Autowired
    public ConcurrencyLimitFilter(QueryLimitsProperties limits, ResultCacheInterceptor resultCache, ObjectMapper json) {
        // A request alternates between this service's thread and the database's: one more than the processors
        // keeps them busy (territory mix on 2 cores, median of 3 runs: 2, 3 and 4 at once gave 1,093, 1,182 and 1,020
        // req/s; without a limit, 602).
        this(permits(limits), limits.maxConcurrentPerClient() > 0 ? limits.maxConcurrentPerClient()
                : Math.max(1, permits(limits) - 1), limits.requestTimeout(), body -> {
                    try {
                        Map<String, Object> request = json.readValue(body, new TypeReference<>() { });
                        return request.get("query") instanceof String document
                                && resultCache.answerKept(document, request.get("operationName") instanceof String name
                                ? name : null, variables(request.get("variables")));
                    } catch (IOException e) {
                        return false; // not JSON: the GraphQL endpoint answers it (and it takes a turn)
                    }
                });
    }

    private static int permits(QueryLimitsProperties limits) {
        return limits.maxConcurrentRequests() > 0 ? limits.maxConcurrentRequests()
                : Runtime.getRuntime().availableProcessors() + 1;
    }

    ConcurrencyLimitFilter(int permits, Duration maxWait) {
        this(permits, permits, maxWait, KeptAnswers.NONE);
    }

    ConcurrencyLimitFilter(int permits, int perClient, Duration maxWait, KeptAnswers keptAnswers) {
        this.permits = permits;
        this.perClient = Math.min(perClient, permits);
        this.running = new Semaphore(permits, true);
        this.maxWait = maxWait;
        this.keptAnswers = keptAnswers;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Object> variables(@Nullable Object variables) {
        return variables instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (keptAnswers != KeptAnswers.NONE && "POST".equals(request.getMethod())) {
            // The body is within max-request-size (RequestSizeLimitFilter ran first); read once, passed on as read.
            byte[] body = request.getInputStream().readAllBytes();
            request = new CachedBodyRequest(request, body);
            if (keptAnswers.kept(body)) {
                chain.doFilter(request, response);
                return;
            }
        }
        // With a share below the limit, a client first waits for one of its own turns; otherwise only for a turn.
        String client = perClient < permits ? ClientKey.of(request) : null;
        ClientTurns own = client == null ? null : clients.compute(client, (key, turns) -> {
            ClientTurns joined = turns == null ? new ClientTurns(perClient) : turns;
            joined.users++;
            return joined;
        });
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean ownTurn = false;
        boolean turn = false;
        try {
            ownTurn = own == null || own.turns.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS);
            turn = ownTurn && running.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!turn) {
            if (own != null) {
                if (ownTurn) {
                    own.turns.release();
                }
                leave(client);
            }
            if (ownTurn) {
                refuse(response);
            } else {
                refuseClient(response);
            }
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                running.release();
                if (own != null) {
                    own.turns.release();
                    leave(client);
                }
            }
        };
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                // The answer is written later, on another thread: the turn ends with it.
                request.getAsyncContext().addListener(new ReleaseOnEnd(release));
            } else {
                release.run();
            }
        }
    }

    int available() {
        return running.availablePermits();
    }

    /** Clients with a request running or waiting. */
    int clients() {
        return clients.size();
    }

    private void leave(@Nullable String client) {
        clients.computeIfPresent(client, (key, turns) -> --turns.users == 0 ? null : turns);
    }

    private void refuseClient(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "this client already had " + perClient
                + " requests running and this one could not start within " + maxWait.toMillis()
                + " ms (santegraph.graphql.limits.max-concurrent-per-client)");
    }

    /** A client's turns, and how many of its requests hold or wait for one (changed only inside {@code compute}). */
    private static final class ClientTurns {
        final Semaphore turns;
        int users;

        ClientTurns(int perClient) {
            turns = new Semaphore(perClient, true);
        }
    }

    private void refuse(HttpServletResponse response) throws IOException {
        response.setHeader(HttpHeaders.RETRY_AFTER, "1");
        refuse(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "the service is busy: " + permits
                + " requests were running and this one could not start within " + maxWait.toMillis()
                + " ms (santegraph.graphql.limits.max-concurrent-requests)");
    }

    private record ReleaseOnEnd(Runnable release) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onError(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // A new async cycle: the listener must be added again to hear its end.
            event.getAsyncContext().addListener(this);
        }
    }
}
