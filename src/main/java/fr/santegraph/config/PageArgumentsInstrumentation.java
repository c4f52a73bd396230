package fr.santegraph.config;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.regex.Pattern;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;

/**
 * Checks the Relay arguments of every paginated field before it is fetched (before Spring reads them): Spring's own
 * reading turns a negative {@code first} into the default page and accepts cursors this service never gave (a
 * negative offset), so a client's mistake or a forged cursor would silently answer something else. Both are
 * BAD_REQUEST errors instead, and an undecodable cursor never reaches Spring's decoding.
 */
@Component
public class PageArgumentsInstrumentation extends SimplePerformantInstrumentation {

    /** Spring GraphQL's default encoding of cursors, which this service keeps. */
    private static final CursorEncoder ENCODER = CursorEncoder.base64();
    private static final Pattern OFFSET_CURSOR = Pattern.compile("O_(0|[1-9][0-9]{0,17})");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        var definition = parameters.getExecutionStepInfo().getFieldDefinition();
        boolean first = definition.getArgument("first") != null;
        boolean after = definition.getArgument("after") != null;
        if (!first && !after) {
            return dataFetcher;
        }
        return environment -> {
            String problem = problem(environment, first, after);
            if (problem != null) {
                return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(environment)
                        .errorType(ErrorType.BAD_REQUEST).message(problem).build()).build();
            }
            return dataFetcher.get(environment);
        };
    }

    private String problem(DataFetchingEnvironment environment, boolean first, boolean after) {
        if (first && environment.getArgument("first") instanceof Integer size && size < 0) {
            return "first must not be negative (0 asks for the total only)";
        }
        if (after && environment.getArgument("after") instanceof String cursor && !isOurs(cursor)) {
            return "'after' is not a cursor returned by this service";
        }
        return null;
    }

    /**
     * A cursor this service gives: Base64 of {@code O_<offset>} (Spring's offset cursor), read here rather than by
     * the cursor strategy, which takes {@code O_-5} for the first item. Anything this accepts, the strategy reads
     * as that offset.
     */
    private static boolean isOurs(String cursor) {
        try {
            return OFFSET_CURSOR.matcher(ENCODER.decode(cursor)).matches();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
