package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockAsyncContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class ConcurrencyLimitFilterTest {

    private static MockHttpServletRequest graphQl() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/graphql");
        request.setAsyncSupported(true);
        return request;
    }

    @Test
    void requestsBeyondTheLimitWaitTheirTurnInsteadOfRunningTogether() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(2, Duration.ofSeconds(10));
        CountDownLatch finish = new CountDownLatch(1);
        List<Integer> runningWhenStarted = new ArrayList<>();
        FilterChain slow = (request, response) -> {
            synchronized (runningWhenStarted) {
                runningWhenStarted.add(2 - filter.available());
            }
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService clients = Executors.newFixedThreadPool(5);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(clients.submit(() -> {
                filter.doFilter(graphQl(), new MockHttpServletResponse(), slow);
                return null;
            }));
        }
        Thread.sleep(300);
        synchronized (runningWhenStarted) {
            assertThat(runningWhenStarted).as("only two started").hasSize(2);
        }
        finish.countDown();
        for (Future<?> call : calls) {
            call.get(10, TimeUnit.SECONDS);
        }
        clients.shutdown();
        assertThat(runningWhenStarted).hasSize(5).allMatch(running -> running <= 2);
        assertThat(filter.available()).isEqualTo(2);
    }

    private static MockHttpServletRequest graphQlFrom(String address) {
        MockHttpServletRequest request = graphQl();
        request.setRemoteAddr(address);
        return request;
    }

    @Test
    void oneClientCannotTakeEveryTurnAndAnotherStartsAtOnce() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(3, 2, Duration.ofSeconds(10),
                ConcurrencyLimitFilter.KeptAnswers.NONE);
        CountDownLatch finish = new CountDownLatch(1);
        List<String> started = Collections.synchronizedList(new ArrayList<>());
        FilterChain slow = (request, response) -> {
            started.add(request.getRemoteAddr());
            try {
                finish.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> calls = new ArrayList<>();
        // Three heavy requests from one /64 (each from another address in it), then one from elsewhere.
        for (String address : List.of("2001:db8::1", "2001:db8::2", "2001:db8::3")) {
            calls.add(pool.submit(() -> {
                filter.doFilter(graphQlFrom(address), new MockHttpServletResponse(), slow);
                return null;
            }));
        }
        Thread.sleep(300);
        calls.add(pool.submit(() -> {
            filter.doFilter(graphQlFrom("192.0.2.7"), new MockHttpServletResponse(), slow);
            return null;
        }));
        Thread.sleep(300);
        assertThat(started).as("two of the first client's, and the other client's at once").hasSize(3)
                .contains("192.0.2.7");
        finish.countDown();
        for (Future<?> call : calls) {
            call.get(10, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(started).hasSize(4);
        assertThat(filter.available()).isEqualTo(3);
        assertThat(filter.clients()).as("no client kept once its requests ended").isZero();
    }

    @Test
    void aRequestThatCannotStartInTimeGetsA503NamingTheLimit() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofMillis(100));
        MockHttpServletRequest first = graphQl();
        filter.doFilter(first, new MockHttpServletResponse(), (request, response) -> request.startAsync());
        assertThat(filter.available()).as("an asynchronous answer keeps its turn until it is written").isZero();

        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(graphQl(), refused, (request, response) -> {
            throw new AssertionError("must not run");
        });
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentAsString()).contains("santegraph.graphql.limits.max-concurrent-requests")
                .contains("QUERY_LIMIT");

        ((MockAsyncContext) first.getAsyncContext()).complete();
        assertThat(filter.available()).isEqualTo(1);
    }

    @Test
    void otherPathsAreNotLimited() throws Exception {
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, Duration.ofMillis(100));
        filter.doFilter(graphQl(), new MockHttpServletResponse(), (request, response) -> request.startAsync());
        MockHttpServletResponse catalog = new MockHttpServletResponse();
        filter.doFilter(new MockHttpServletRequest("GET", "/catalog"), catalog, (request, response) -> { });
        assertThat(catalog.getStatus()).isEqualTo(200);
    }

    @Test
    void aRequestWhoseAnswerIsKeptTakesNoTurnAndItsBodyIsStillRead() throws Exception {
        byte[] kept = "{\"query\":\"{ kept }\"}".getBytes(StandardCharsets.UTF_8);
        ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(1, 1, Duration.ofMillis(100),
                body -> Arrays.equals(body, kept));
        filter.doFilter(graphQl(), new MockHttpServletResponse(), (request, response) -> request.startAsync());
        assertThat(filter.available()).as("the one turn is taken").isZero();

        MockHttpServletRequest answered = graphQl();
        answered.setContent(kept);
        List<byte[]> bodiesRead = new ArrayList<>();
        MockHttpServletResponse fromMemory = new MockHttpServletResponse();
        filter.doFilter(answered, fromMemory, (request, response) -> bodiesRead.add(request.getInputStream().readAllBytes()));
        assertThat(fromMemory.getStatus()).isEqualTo(200);
        assertThat(bodiesRead).singleElement().isEqualTo(kept);

        MockHttpServletRequest executed = graphQl();
        executed.setContent("{\"query\":\"{ computed }\"}".getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse refused = new MockHttpServletResponse();
        filter.doFilter(executed, refused, (request, response) -> {
            throw new AssertionError("must wait for the turn");
        });
        assertThat(refused.getStatus()).isEqualTo(503);
    }
}
