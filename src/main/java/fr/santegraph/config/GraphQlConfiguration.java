package fr.santegraph.config;

import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.ingest.ImportFailedException;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.scalars.ExtendedScalars;
import graphql.schema.DataFetchingEnvironment;
import java.util.Map;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;

@Configuration(proxyBeanMethods = false)
public class GraphQlConfiguration {

    private static final Logger log = LoggerFactory.getLogger(GraphQlConfiguration.class);

    @Bean
    RuntimeWiringConfigurer scalars() {
        return wiring -> wiring
                .scalar(ExtendedScalars.Date)
                .scalar(ExtendedScalars.DateTime)
                .scalar(ExtendedScalars.GraphQLLong);
    }

    /**
     * The project's own argument errors become BAD_REQUEST errors with their message; anything else — a library's
     * {@link IllegalArgumentException} included, whose message may name internals — is logged with its stack trace
     * on the server and reaches the caller as INTERNAL_ERROR with no internals.
     */
    @Bean
    DataFetcherExceptionResolver errors() {
        return new DataFetcherExceptionResolverAdapter() {
            @Override
            protected @Nullable GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
                if (isBadArgument(ex)) {
                    return GraphqlErrorBuilder.newError(env).errorType(ErrorType.BAD_REQUEST)
                            .message(ex.getMessage()).build();
                }
                if (isDatabaseUnavailable(ex)) {
                    log.warn("Neo4j unavailable while fetching {}: {}", env.getExecutionStepInfo().getPath(), ex.toString());
                    return GraphqlErrorBuilder.newError(env).errorType(DatabaseError.DATABASE_UNAVAILABLE)
                            .message("the database is unavailable; retry in a moment").build();
                }
                if (isTimeout(ex)) {
                    return GraphqlErrorBuilder.newError(env).errorType(QueryLimitError.QUERY_LIMIT)
                            .message("the database query ran past the Cypher timeout "
                                    + "(santegraph.graphql.limits.cypher-timeout-seconds) and was stopped")
                            .extensions(Map.of("limit", "santegraph.graphql.limits.cypher-timeout-seconds"))
                            .build();
                }
                if (isRefusal(ex)) {
                    return null; // Spring Security's resolver answers it; RefusalLogInterceptor logs it once per request
                }
                log.error("Unexpected failure on {}", env.getExecutionStepInfo().getPath(), ex);
                return null;
            }
        };
    }

    /** An argument the caller got wrong, in words written for the caller: {@code InvalidArgumentException}, an import's refusal. */
    static boolean isBadArgument(Throwable ex) {
        return ex instanceof InvalidArgumentException
                || ex instanceof ImportFailedException;
    }

    /** A missing or insufficient role: expected, answered UNAUTHORIZED or FORBIDDEN, not a failure to log. */
    static boolean isRefusal(Throwable ex) {
        return ex instanceof AccessDeniedException
                || ex instanceof AuthenticationException;
    }

    /** Error classification for requests that could not reach Neo4j. */
    public enum DatabaseError implements graphql.ErrorClassification {
        DATABASE_UNAVAILABLE
    }

    private static boolean isDatabaseUnavailable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof ServiceUnavailableException
                    || cause instanceof SessionExpiredException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTimeout(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof Neo4jException neo4j && neo4j.code() != null
                    && (neo4j.code().contains("TransactionTimedOut") || neo4j.code().contains("Terminated"))) {
                return true;
            }
        }
        return false;
    }
}
