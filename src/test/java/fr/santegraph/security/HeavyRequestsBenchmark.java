package fr.santegraph.security;

import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Light requests while one client keeps three heavy ones running (each as heavy as the limits let through: seven
 * aliases of a thousand communes with their département, executed, not cached): prints the light requests' median and
 * 99th percentile, and the heavy ones' outcomes. The light caller is another client (an API key), as it would be
 * in production. Not a unit test; run with
 * {@code mvn -B test -Dtest=HeavyRequestsBenchmark -Dsurefire.excludes=none [-Dbench.light=400]}.
 */
@IntegrationTest
class HeavyRequestsBenchmark {

    @LocalServerPort
    int port;
    @Autowired
    RealGraph realGraph;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private HttpResponse<String> post(String query, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query.replace("\"", "\\\"") + "\"}"));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void lightRequestsWhileThreeHeavyOnesRun() throws Exception {
        realGraph.territories();
        int light = Integer.getInteger("bench.light", 400);
        // Each alias differs (its offset), so that no answer comes from the result cache.
        AtomicInteger round = new AtomicInteger();
        IntFunction<String> heavy = r -> IntStream.range(0, 7)
                .mapToObj(i -> "a" + i + ": territories(filter: {level: COMMUNE, nameContains: \"" + (char) ('a' + (r + i) % 26)
                        + "\"}, first: 1000) { totalCount nodes { id name population parent { id name } } }")
                .collect(Collectors.joining(" ", "{ ", " }"));
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> heavyOutcomes = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            pool.submit(() -> {
                while (running.get()) {
                    long start = System.nanoTime();
                    HttpResponse<String> response = post(heavy.apply(round.incrementAndGet()));
                    heavyOutcomes.add(response.statusCode() + (response.body().contains("QUERY_LIMIT") ? " limit" : "")
                            + " " + (System.nanoTime() - start) / 1_000_000 + " ms");
                }
                return null;
            });
        }
        Thread.sleep(2_000); // the heavy requests are under way
        // Each light request is a new document (its alias), so that it executes rather than comes from the cache.
        List<Long> millis = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < light; i++) {
            long start = System.nanoTime();
            HttpResponse<String> response = post("{ t" + i + ": territory(code: \"" + String.format("%02d", 1 + i % 95)
                    + "\", level: DEPARTMENT) { name population } }", "X-API-Key", "test-institution-key");
            millis.add((System.nanoTime() - start) / 1_000_000);
            if (response.statusCode() != 200 || response.body().contains("\"errors\"")) {
                failed++;
            }
        }
        running.set(false);
        pool.shutdown();
        pool.awaitTermination(60, TimeUnit.SECONDS);
        Collections.sort(millis);
        System.out.printf("%n=== Light requests while three heavy ones run (%d cores) ===%n"
                        + "light: %d requests, median %d ms, p99 %d ms, max %d ms, failed %d%n"
                        + "heavy: %d completed: %s%n", Runtime.getRuntime().availableProcessors(), light,
                millis.get(millis.size() / 2), millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
                millis.get(millis.size() - 1), failed, heavyOutcomes.size(),
                heavyOutcomes.stream().limit(12).toList());
    }
}
