package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.support.ManualClock;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.GraphqlErrorBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.util.unit.DataSize;
import reactor.core.publisher.Mono;

class ResultCacheInterceptorTest {

    private final ManualClock clock = new ManualClock(Instant.parse("2026-11-30T12:00:00Z"));

    @Test
    void onlyQueriesAreKeptNotMutationsNorDocumentsThatDoNotParse() {
        var interceptor = new ResultCacheInterceptor(new ResultCacheProperties(DataSize.ofMegabytes(1),
                Duration.ofMinutes(1), false, 100, Duration.ofMinutes(1)), () -> OptionalLong.of(1), new SimpleMeterRegistry(), clock);
        assertThat(interceptor.isQuery("{ territories { totalCount } }", null)).isTrue();
        assertThat(interceptor.isQuery("query A { a } mutation B { b }", "A")).isTrue();
        assertThat(interceptor.isQuery("query A { a } mutation B { b }", "B")).isFalse();
        assertThat(interceptor.isQuery("query A { a } mutation B { b }", null)).as("ambiguous").isFalse();
        assertThat(interceptor.isQuery("mutation { submitSuggestion { __typename } }", null)).isFalse();
        assertThat(interceptor.isQuery("{ territories { ", null)).isFalse();
    }

    @Test
    void withAnExternalDatabaseNothingIsKeptUnlessAllowed() {
        var off = new ResultCacheInterceptor(new ResultCacheProperties(DataSize.ofMegabytes(1),
                Duration.ofMinutes(1), false, 100, Duration.ofMinutes(1)), null, new SimpleMeterRegistry(), clock);
        var allowed = new ResultCacheInterceptor(new ResultCacheProperties(DataSize.ofMegabytes(1),
                Duration.ofMinutes(1), true, 100, Duration.ofMinutes(1)), null, new SimpleMeterRegistry(), clock);
        assertThat(off.cache().enabled()).isFalse();
        assertThat(allowed.cache().enabled()).isTrue();
    }

    private static WebGraphQlRequest request(String document) {
        return new WebGraphQlRequest(URI.create("http://localhost/graphql"), new HttpHeaders(), null, null, Map.of(),
                Map.of("query", document), "1", null);
    }

    private static WebGraphQlResponse response(WebGraphQlRequest request, ExecutionResult result) {
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    /** A chain whose executions are counted and all finish when {@code release} completes, with its result. */
    private record SlowChain(AtomicInteger executions, CompletableFuture<ExecutionResult> release)
            implements WebGraphQlInterceptor.Chain {
        SlowChain() {
            this(new AtomicInteger(), new CompletableFuture<>());
        }

        @Override
        public Mono<WebGraphQlResponse> next(WebGraphQlRequest request) {
            executions.incrementAndGet();
            return Mono.fromFuture(release, true).map(result -> response(request, result));
        }
    }

    private ResultCacheInterceptor interceptor() {
        return new ResultCacheInterceptor(new ResultCacheProperties(DataSize.ofMegabytes(1), Duration.ofMinutes(1), false, 100, Duration.ofMinutes(1)),
                () -> OptionalLong.of(1), new SimpleMeterRegistry(), clock);
    }

    /** The same request sent {@code times} times before any answer comes back. */
    private static List<CompletableFuture<WebGraphQlResponse>> askedTogether(ResultCacheInterceptor interceptor,
            WebGraphQlRequest request, SlowChain chain, int times) {
        List<CompletableFuture<WebGraphQlResponse>> answers = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            answers.add(interceptor.intercept(request, chain).toFuture());
        }
        return answers;
    }

    @Test
    void theSameQueryArrivingWhileItIsExecutedWaitsForThatExecution() throws Exception {
        var interceptor = interceptor();
        var chain = new SlowChain();
        WebGraphQlRequest request = request("{ territories { totalCount } }");
        List<CompletableFuture<WebGraphQlResponse>> answers = askedTogether(interceptor, request, chain, 6);
        assertThat(chain.executions()).hasValue(1);

        chain.release().complete(ExecutionResultImpl.newExecutionResult().data(Map.of("territories", Map.of("totalCount", 35))).build());
        for (var answer : answers) {
            assertThat((Object) answer.get(5, TimeUnit.SECONDS).getData()).isEqualTo(Map.of("territories", Map.of("totalCount", 35)));
        }
        assertThat(chain.executions()).hasValue(1);
        interceptor.intercept(request, chain).block(Duration.ofSeconds(5));
        assertThat(chain.executions()).as("asked again: kept").hasValue(1);
        assertThat(interceptor.answerKept("{ territories { totalCount } }", null, null)).isTrue();
        assertThat(interceptor.answerKept("{ territories { totalCount } }", null, Map.of("first", 2))).isFalse();
        assertThat(interceptor.answerKept("{ regions { totalCount } }", null, null)).isFalse();
    }

    @Test
    void whenTheExecutionWaitedForEndsWithErrorsTheOthersExecuteTheQueryThemselves() throws Exception {
        var interceptor = interceptor();
        var chain = new SlowChain();
        WebGraphQlRequest request = request("{ territories { totalCount } }");
        List<CompletableFuture<WebGraphQlResponse>> answers = askedTogether(interceptor, request, chain, 3);
        chain.release().complete(ExecutionResultImpl.newExecutionResult()
                .addError(GraphqlErrorBuilder.newError().message("database unavailable").build()).build());
        for (var answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS).getErrors()).isNotEmpty();
        }
        assertThat(chain.executions()).hasValue(3);
    }
}
