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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.lang.Nullable;
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

    /** Documents whose operation type is remembered: at most this many, of at most this length (bounded memory). */
    private static final int MAX_REMEMBERED_DOCUMENTS = 2_000;
    private static final int MAX_REMEMBERED_LENGTH = 8_192;
    /** Memory the record of asked questions may take (estimated), whatever their number. */
    private static final long MAX_ASKED_BYTES = 8L << 20;
    /** The request attribute of the cache's own warming requests: they are not counted as asked. */
    static final String WARMING = ResultCacheInterceptor.class.getName() + ".warming";

    /** What makes two requests the same question: the document, the operation, the variables and who asks. */
    record Key(String document, @Nullable String operationName, Map<String, Object> variables,
               List<String> authorities) {

        long estimatedBytes() {
            return AnswerCache.estimatedBytes(document) + AnswerCache.estimatedBytes(variables) + 64;
        }
    }

    /** A question at a version of the graph (and, while it is executed, the key of its execution under way). */
    private record Flight(Key key, OptionalLong version) {
    }

    /** What the followers of an execution get when its answer is not one to share (errors, cancelled). */
    private static final Object NOT_KEPT = new Object();

    private final AnswerCache<Key, Object> cache;
    private final Map<Flight, CompletableFuture<Object>> inFlight = new ConcurrentHashMap<>();
    private final @Nullable GraphVersion version;
    private final Clock clock;
    /** Whether a document's operation is a query, per document and operation name: parsed once. */
    private final Map<String, Boolean> queries = new ConcurrentHashMap<>();
    private final Counter hits;
    private final Counter misses;
    private final Counter joined;
    /** What was asked, across graph versions: what {@link ResultCacheWarmer} answers again after an import. */
    private final AskedQuestions<Key> asked;

    @Autowired
    public ResultCacheInterceptor(ResultCacheProperties properties, ObjectProvider<GraphVersion> embeddedVersion,
                                  MeterRegistry meters) {
        this(properties, embeddedVersion.getIfAvailable(), meters, Clock.systemUTC());
    }

    ResultCacheInterceptor(ResultCacheProperties properties, @Nullable GraphVersion embeddedVersion,
                           MeterRegistry meters, Clock clock) {
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
        this.joined = Counter.builder("santegraph.graphql.result.cache").tag("result", "joined")
                .description("GraphQL queries answered by the execution of the same query that was under way")
                .register(meters);
        // A few times the questions a warm replays, so that those asked again since the last import stay ahead.
        this.asked = new AskedQuestions<>(cache.enabled() ? 4 * properties.warmQuestions() : 0, MAX_ASKED_BYTES);
    }

    /**
     * The question a request asks, for the caller in scope, at the graph's current version; null when its answer is
     * not one to keep (cache off, not a query, graph version unknown right now).
     */
    private @Nullable Flight question(String document, @Nullable String operationName,
                                      @Nullable Map<String, Object> variables) {
        if (version == null || !cache.enabled() || document == null || !isQuery(document, operationName)) {
            return null;
        }
        OptionalLong current = version.current();
        return current.isEmpty() ? null : new Flight(new Key(document, operationName,
                variables == null ? Map.of() : variables, Caller.authorities()), current);
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Flight flight = question(request.getDocument(), request.getOperationName(), request.getVariables());
        if (flight == null) {
            return chain.next(request);
        }
        Key key = flight.key();
        OptionalLong current = flight.version();
        boolean warming = request.getAttributes().containsKey(WARMING);
        Object kept = cache.get(key, current);
        if (kept != null) {
            hits.increment();
            askedAgain(key, warming);
            return Mono.just(answer(request, kept));
        }
        // One execution per question at a time: the same request arriving meanwhile waits for that answer (after an
        // import every dashboard asks its questions again at once).
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> leader = inFlight.putIfAbsent(flight, mine);
        if (leader != null) {
            return Mono.fromFuture(leader, true).flatMap(data -> {
                if (data == NOT_KEPT) {
                    return chain.next(request);
                }
                joined.increment();
                askedAgain(key, warming);
                return Mono.just(answer(request, data));
            });
        }
        misses.increment();
        Instant startedAt = clock.instant();
        return chain.next(request)
                .doOnNext(response -> {
                    ExecutionResult result = response.getExecutionResult();
                    if (result.getErrors().isEmpty() && result.getData() != null
                            && (result.getExtensions() == null || result.getExtensions().isEmpty())) {
                        cache.put(key, current, result.getData(), startedAt);
                        askedAgain(key, warming);
                        mine.complete(result.getData());
                    }
                })
                // An error, a timeout or a cancelled request: whoever waited executes the request itself.
                .doFinally(signal -> {
                    inFlight.remove(flight, mine);
                    mine.complete(NOT_KEPT);
                });
    }

    /**
     * Whether the answer to this request is kept right now, for the caller in scope: asked by the concurrency limit
     * so that an answer in memory does not wait for a turn behind executions.
     */
    boolean answerKept(String document, @Nullable String operationName, @Nullable Map<String, Object> variables) {
        Flight flight = question(document, operationName, variables);
        return flight != null && cache.get(flight.key(), flight.version()) != null;
    }

    private void askedAgain(Key key, boolean warming) {
        if (!warming) {
            asked.asked(key, key.estimatedBytes());
        }
    }

    /** The questions to answer again after the graph changed: at most {@code limit}, the most asked first. */
    List<Key> mostAsked(int limit) {
        return asked.mostAsked(limit);
    }

    /** Whether an answer to {@code key} is kept at the graph's current version. */
    boolean kept(Key key) {
        OptionalLong current = version();
        return current.isPresent() && cache.get(key, current) != null;
    }

    /** The graph's version as this cache sees it; empty when unknown (or no cache). */
    OptionalLong version() {
        return version == null ? OptionalLong.empty() : version.current();
    }

    private static WebGraphQlResponse answer(WebGraphQlRequest request, Object data) {
        ExecutionResult result = ExecutionResultImpl.newExecutionResult().data(data).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }

    /** True for a query operation; false for mutations, subscriptions and documents that do not parse. */
    boolean isQuery(String document, @Nullable String operationName) {
        String id = operationName == null ? document : operationName + '\n' + document;
        Boolean query = queries.get(id);
        if (query == null) {
            query = parsesAsQuery(document, operationName);
            if (id.length() <= MAX_REMEMBERED_LENGTH) {
                if (queries.size() >= MAX_REMEMBERED_DOCUMENTS) {
                    queries.clear();
                }
                queries.put(id, query);
            }
        }
        return query;
    }

    private static boolean parsesAsQuery(String document, @Nullable String operationName) {
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
