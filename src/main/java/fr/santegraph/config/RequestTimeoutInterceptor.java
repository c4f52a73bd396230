package fr.santegraph.config;

import graphql.ExecutionResultImpl;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** Answers a request that runs past {@code request-timeout} with a QUERY_LIMIT error instead of making the client wait. */
@Component
public class RequestTimeoutInterceptor implements WebGraphQlInterceptor {

    private final QueryLimitsProperties limits;

    public RequestTimeoutInterceptor(QueryLimitsProperties limits) {
        this.limits = limits;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request)
                .timeout(limits.requestTimeout())
                .onErrorResume(TimeoutException.class, timeout -> Mono.just(timedOut(request)));
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        long millis = limits.requestTimeout().toMillis();
        var error = QueryLimitError.of("santegraph.graphql.limits.request-timeout", millis + " ms", "> " + millis + " ms",
                "the request took longer than the request timeout of " + millis
                        + " ms (santegraph.graphql.limits.request-timeout) and was abandoned");
        var result = ExecutionResultImpl.newExecutionResult().errors(List.of(error)).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
