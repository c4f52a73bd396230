package fr.santegraph.config;

import fr.santegraph.common.RequestDeadline;
import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.springframework.stereotype.Component;

/**
 * Stops executing a request at {@code request-timeout}: once the deadline has passed, no further field is fetched
 * (each answers null with a QUERY_LIMIT error instead), so a request of a thousand aliases stops where its time runs
 * out instead of running on after its caller was told it timed out — and frees its turn for others. A read a field
 * begins is given only the time left ({@link DeadlineTransactionTimeouts}), which the database enforces.
 */
@Component
public class DeadlineInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimitsProperties limits;

    public DeadlineInstrumentation(QueryLimitsProperties limits) {
        this.limits = limits;
    }

    /** When the request must be done by. */
    static final class Deadline implements InstrumentationState {
        final long nanos;

        Deadline(long nanos) {
            this.nanos = nanos;
        }

        boolean passed() {
            return System.nanoTime() - nanos > 0;
        }
    }

    @Override
    public CompletableFuture<InstrumentationState> createStateAsync(InstrumentationCreateStateParameters parameters) {
        return CompletableFuture.completedFuture(new Deadline(System.nanoTime() + limits.requestTimeout().toNanos()));
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        if (!(state instanceof Deadline deadline) || parameters.isTrivialDataFetcher()) {
            return dataFetcher; // reading a property of an object already fetched costs nothing to stop
        }
        return environment -> {
            if (deadline.passed()) {
                long millis = limits.requestTimeout().toMillis();
                return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(environment)
                        .errorType(QueryLimitError.QUERY_LIMIT)
                        .message("not fetched: the request ran past its timeout of " + millis
                                + " ms (santegraph.graphql.limits.request-timeout)")
                        .extensions(Map.of("limit", "santegraph.graphql.limits.request-timeout", "maximum", millis + " ms"))
                        .build()).build();
            }
            return RequestDeadline.within(deadline.nanos, () -> dataFetcher.get(environment));
        };
    }
}
