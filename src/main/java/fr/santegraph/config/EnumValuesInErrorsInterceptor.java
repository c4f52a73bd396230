package fr.santegraph.config;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.GraphQLEnumType;
import graphql.schema.GraphQLEnumValueDefinition;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A wrong enum value — in the document or in a variable — is answered with the values the enum allows: graphql-java
 * names the enum but not its values, and a front-end developer should not need to open the schema to fix a typo.
 */
@Component
public class EnumValuesInErrorsInterceptor implements WebGraphQlInterceptor {

    /** graphql-java's wordings: "is not a valid 'TerritoryLevel'" (literals), "enum 'TerritoryLevel'" (variables). */
    private static final Pattern ENUM_NAMED = Pattern.compile("(?:is not a valid|for enum) '([A-Za-z_][A-Za-z0-9_]*)'");

    private final ObjectProvider<GraphQlSource> source;

    public EnumValuesInErrorsInterceptor(ObjectProvider<GraphQlSource> source) {
        this.source = source;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        return chain.next(request).map(response -> {
            List<ResponseError> errors = response.getErrors();
            if (errors.isEmpty() || errors.stream().noneMatch(e -> e.getMessage() != null && ENUM_NAMED.matcher(e.getMessage()).find())) {
                return response;
            }
            return response.transform(builder -> builder.errors(errors.stream().map(this::withValues).toList()));
        });
    }

    private GraphQLError withValues(ResponseError error) {
        Matcher named = error.getMessage() == null ? null : ENUM_NAMED.matcher(error.getMessage());
        GraphQlSource graphQl = source.getIfAvailable();
        if (named == null || !named.find() || graphQl == null
                || !(graphQl.schema().getType(named.group(1)) instanceof GraphQLEnumType type)) {
            return copy(error, error.getMessage());
        }
        String allowed = type.getValues().stream().filter(v -> !v.isDeprecated()).map(GraphQLEnumValueDefinition::getName)
                .collect(Collectors.joining(", "));
        return copy(error, error.getMessage() + " (" + type.getName() + " allows: " + allowed + ")");
    }

    private static GraphQLError copy(ResponseError error, String message) {
        GraphqlErrorBuilder<?> builder = GraphqlErrorBuilder.newError().message(message).errorType(error.getErrorType())
                .locations(error.getLocations()).extensions(error.getExtensions());
        if (!error.getParsedPath().isEmpty()) {
            builder.path(error.getParsedPath());
        }
        return builder.build();
    }
}
