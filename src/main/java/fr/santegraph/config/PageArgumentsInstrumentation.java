package fr.santegraph.config;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.pagination.CursorEncoder;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks the Relay arguments of every paginated field before it is fetched (before Spring reads them): Spring's own
 * reading turns a negative {@code first} or {@code last} into the default page and accepts cursors this service never
 * gave (a negative offset), so a client's mistake or a forged cursor would silently answer something else. Both are
 * BAD_REQUEST errors instead, and an undecodable cursor never reaches Spring's decoding. Paging backward takes
 * {@code last} with {@code before} (offset cursors give the page before a cursor without counting).
 */
@Component
public class PageArgumentsInstrumentation extends SimplePerformantInstrumentation {

    private final int maxPageSize;

    public PageArgumentsInstrumentation(@Value("${santegraph.graphql.max-page-size:1000}") int maxPageSize) {
        this.maxPageSize = maxPageSize;
    }

    /** Spring GraphQL's default encoding of cursors, which this service keeps. */
    private static final CursorEncoder ENCODER = CursorEncoder.base64();
    private static final Pattern OFFSET_CURSOR = Pattern.compile("O_(0|[1-9][0-9]{0,17})");

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                                                InstrumentationState state) {
        var definition = parameters.getExecutionStepInfo().getFieldDefinition();
        if (definition.getArgument("first") == null && definition.getArgument("after") == null) {
            return dataFetcher;
        }
        return environment -> {
            String problem = problem(environment);
            if (problem != null) {
                return DataFetcherResult.newResult().error(GraphqlErrorBuilder.newError(environment)
                        .errorType(ErrorType.BAD_REQUEST).message(problem).build()).build();
            }
            return dataFetcher.get(environment);
        };
    }

    private @Nullable String problem(DataFetchingEnvironment environment) {
        for (String size : new String[] {"first", "last"}) {
            if (environment.getArgument(size) instanceof Integer value && value < 0) {
                return size + " must not be negative (0 asks for the total only)";
            }
        }
        for (String position : new String[] {"after", "before"}) {
            if (environment.getArgument(position) instanceof String cursor && !isOurs(cursor)) {
                return "'" + position + "' is not a cursor returned by this service";
            }
        }
        if (environment.getArgument("first") != null && environment.getArgument("last") != null) {
            return "give first (with after) or last (with before), not both";
        }
        // Spring shortens a backward page to what lies before the cursor, which would hide an oversized one.
        if (environment.getArgument("last") instanceof Integer last && last > maxPageSize) {
            return "a page of " + last + " is above the maximum page size " + maxPageSize
                    + " (santegraph.graphql.max-page-size)";
        }
        if (environment.getArgument("last") != null && environment.getArgument("before") == null) {
            return "last needs before (the startCursor of the page after the one wanted); use first for the first pages";
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
