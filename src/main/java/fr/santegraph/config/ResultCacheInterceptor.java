package fr.santegraph.config;

import fr.santegraph.common.AnswerCache;
import fr.santegraph.common.GraphVersion;
import fr.santegraph.security.Caller;
import graphql.ExecutionResult;
import graphql.ExecutionResultImpl;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Answers a query asked again from the answer kept the first time, while the graph is unchanged: the graph changes
 * with imports and editors' saves, dashboards ask the same questions all day. Only error-free answers to queries
 * (never mutations) are kept, per caller authorities since institutional callers see unmasked small counts.
 * With the embedded database every commit moves the {@link GraphVersion}, so an answer is never served after a
 * write; with an external database the cache is off unless allowed, and then bounded by its time to live.
 */
@Component
@Order(0) // outside the request timeout: a kept answer needs no timeout, a timed-out one is never kept
public class ResultCacheInterceptor implements WebGraphQlInterceptor {

    private static final int MAX_REMEMBERED_DOCUMENTS = 10_000;

    /** What makes two requests the same question: the document, the operation, the variables and who asks. */
    record Key(String document, String operationName, Map<String, Object> variables, List<String> authorities) {

        long estimatedBytes() {
            return AnswerCache.estimatedBytes(document) + AnswerCache.estimatedBytes(variables) + 64;
        }
    }

    private final AnswerCache<Key, Object> cache;
    private final GraphVersion version;
    private final Clock clock;
    /** Whether a document's operation is a query, per document and operation name: parsed once. */
    private final Map<String, Boolean> queries = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;

    @Autowired
    public ResultCacheInterceptor(ResultCacheProperties properties, ObjectProvider<GraphVersion> embeddedVersion,
                                  MeterRegistry meters) {
        this(properties, embeddedVersion.getIfAvailable(), meters, Clock.systemUTC());
    }

    ResultCacheInterceptor(ResultCacheProperties properties, GraphVersion embeddedVersion, MeterRegistry meters,
                           Clock clock) {
        // Without a version (external database), answers are only kept when a stale one is acceptable.
        GraphVersion known = embeddedVersion != null ? embeddedVersion
                : properties.externalDatabase() ? () -> OptionalLong.of(0) : null;
        this.version = known;
        this.clock = clock;
        this.cache = new AnswerCache<>(known == null ? 0 : properties.maxSize().toBytes(), properties.timeToLive(),
                clock, Key::estimatedBytes, AnswerCache::estimatedBytes);
        this.hits = Counter.builder("santegraph.graphql.result.cache").tag("result", "hit")
                .description("GraphQL queries answered from the result cache").register(meters);
        this.misses = Counter.builder("santegraph.graphql.result.cache").tag("result", "miss")
                .description("GraphQL queries executed and kept (or not) in the result cache").register(meters);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        if (!cache.enabled() || !isQuery(request.getDocument(), request.getOperationName())) {
            return chain.next(request);
        }
        OptionalLong current = version.current();
        if (current.isEmpty()) {
            return chain.next(request);
        }
        var key = new Key(request.getDocument(), request.getOperationName(),
                request.getVariables(), Caller.authorities());
        Object kept = cache.get(key, current);
        if (kept != null) {
            hits.increment();
            ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(kept).build();
            return Mono.just(new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result)));
        }
        misses.increment();
        Instant startedAt = clock.instant();
        return chain.next(request).doOnNext(response -> {
            ExecutionResult result = response.getExecutionResult();
            if (result.getErrors().isEmpty() && result.getData() != null
                    && (result.getExtensions() == null || result.getExtensions().isEmpty())) {
                cache.put(key, current, result.getData(), startedAt);
            }
        });
    }

    /** True for a query operation; false for mutations, subscriptions and documents that do not parse. */
    boolean isQuery(String document, String operationName) {
        String id = operationName == null ? document : operationName + '\n' + document;
        Boolean query = queries.get(id);
        if (query == null) {
            query = parsesAsQuery(document, operationName);
            if (queries.size() >= MAX_REMEMBERED_DOCUMENTS) {
                queries.clear();
            }
            queries.put(id, query);
        }
        return query;
    }

    private static boolean parsesAsQuery(String document, String operationName) {
        try {
            List<OperationDefinition> operations = Parser.parse(document).getDefinitionsOfType(OperationDefinition.class);
            return operations.stream()
                    .filter(op -> operationName == null ? operations.size() == 1 : operationName.equals(op.getName()))
                    .findFirst()
                    .map(op -> op.getOperation() == OperationDefinition.Operation.QUERY)
                    .orElse(false);
        } catch (InvalidSyntaxException e) {
            return false; // answered with the syntax error by the execution
        }
    }

    AnswerCache<Key, Object> cache() {
        return cache;
    }
}
