package fr.santegraph.config;

import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import java.util.Map;

/** Errors for requests refused by a configured limit: classification QUERY_LIMIT, the limit named in extensions. */
public enum QueryLimitError implements ErrorClassification {
    QUERY_LIMIT;

    public static GraphQLError of(String limitProperty, Object maximum, Object actual, String message) {
        return GraphqlErrorBuilder.newError()
                .errorType(QUERY_LIMIT)
                .message(message)
                .extensions(Map.of("limit", limitProperty, "maximum", maximum, "actual", actual))
                .build();
    }
}
