package fr.santegraph.config;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * At most {@code max-concurrent-requests} GraphQL requests execute at once; the others wait their turn in arrival
 * order. Fifty requests sharing two cores all finish late, the cheap ones as late as the expensive ones, and the
 * expensive ones past the Cypher timeout; taken a few at a time each runs at full speed and the wait is the same
 * for everyone. A request that cannot start within the request timeout gets a 503 naming the limit.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class ConcurrencyLimitFilter extends GraphQlEndpointFilter {

    private final int permits;
    private final Semaphore running;
    private final Duration maxWait;

    @Autowired
    public ConcurrencyLimitFilter(QueryLimitsProperties limits) {
        // A request alternates between this service's thread and the database's: one more than the processors
        // keeps them busy (territory mix on 2 cores, median of 3 runs: 2, 3 and 4 at once gave 1,093, 1,182 and 1,020
        // req/s; without a limit, 602).
        this(limits.maxConcurrentRequests() > 0 ? limits.maxConcurrentRequests()
                : Runtime.getRuntime().availableProcessors() + 1, limits.requestTimeout());
    }

    ConcurrencyLimitFilter(int permits, Duration maxWait) {
        this.permits = permits;
        this.running = new Semaphore(permits, true);
        this.maxWait = maxWait;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            if (!running.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                refuse(response);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(response);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                running.release();
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
