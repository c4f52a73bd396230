package fr.santegraph.config;

import graphql.ErrorClassification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Expected refusals — a missing role, a bad argument, a limit, an invalid document — are the caller's business, not
 * the operator's: one WARN line per request says what was refused and how often, without a stack trace, so that a
 * hundred refused aliases cost one line of log, not a hundred stack traces.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE) // outermost: sees the answer the caller gets, timeouts included
public class RefusalLogInterceptor implements WebGraphQlInterceptor {

    private static final Logger log = LoggerFactory.getLogger(RefusalLogInterceptor.class);
    private static final Set<String> EXPECTED = Set.of("UNAUTHORIZED", "FORBIDDEN", "BAD_REQUEST", "NOT_FOUND",
            "QUERY_LIMIT", "ValidationError", "InvalidSyntax", "OperationNotSupported");
    private static final int PATHS_SHOWN = 3;

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).doOnNext(response -> {
            List<ResponseError> errors = response.getErrors();
            if (errors.isEmpty() || !log.isWarnEnabled()) {
                return;
            }
            Map<String, Integer> byKind = new LinkedHashMap<>();
            StringBuilder paths = new StringBuilder();
            int shown = 0;
            for (ResponseError error : errors) {
                String kind = kind(error.getErrorType());
                if (!EXPECTED.contains(kind)) {
                    continue;
                }
                byKind.merge(kind, 1, Integer::sum);
                if (shown < PATHS_SHOWN && !error.getPath().isEmpty()) {
                    paths.append(shown++ == 0 ? "" : ", ").append(error.getPath());
                }
            }
            if (!byKind.isEmpty()) {
                log.warn("GraphQL request {} refused in part: {}{}", request.getId(), byKind,
                        paths.isEmpty() ? "" : " (at " + paths + (errors.size() > shown ? ", …" : "") + ")");
            }
        });
    }

    private static String kind(ErrorClassification type) {
        return type == null ? "" : type.toString();
    }
}
