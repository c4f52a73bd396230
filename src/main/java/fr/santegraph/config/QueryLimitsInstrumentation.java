package fr.santegraph.config;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.Selection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses, before any data is fetched, operations deeper than {@code max-depth} or costlier than {@code max-cost}.
 * Cost counts each selected field once and multiplies what is selected under a paginated field by its
 * {@code first} (or the default page size), a {@code totalCount} as {@code count-cost}: a hundred aliases of an
 * expensive connection cost a hundred times.
 */
@Component
public class QueryLimitsInstrumentation extends SimplePerformantInstrumentation {

    private final QueryLimitsProperties limits;
    private final int defaultPageSize;
    private final int maxPageSize;

    public QueryLimitsInstrumentation(QueryLimitsProperties limits,
                                      @Value("${santegraph.graphql.default-page-size:20}") int defaultPageSize,
                                      @Value("${santegraph.graphql.max-page-size:1000}") int maxPageSize) {
        this.limits = limits;
        this.defaultPageSize = defaultPageSize;
        this.maxPageSize = maxPageSize;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                                                                         InstrumentationState state) {
        ExecutionContext context = parameters.getExecutionContext();
        if (isIntrospectionOnly(context)) {
            return super.beginExecuteOperation(parameters, state);
        }
        QueryTraverser traverser = QueryTraverser.newQueryTraverser()
                .schema(context.getGraphQLSchema())
                .document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables())
                .build();
        List<GraphQLError> errors = new ArrayList<>();
        int depth = traverser.reducePreOrder((env, deepest) -> Math.max(deepest, depthOf(env)), 0);
        if (depth > limits.maxDepth()) {
            errors.add(QueryLimitError.of("santegraph.graphql.limits.max-depth", limits.maxDepth(), depth,
                    "query depth " + depth + " exceeds the maximum depth " + limits.maxDepth()
                            + " (santegraph.graphql.limits.max-depth)"));
        } else {
            long cost = cost(traverser);
            if (cost > limits.maxCost()) {
                errors.add(QueryLimitError.of("santegraph.graphql.limits.max-cost", limits.maxCost(), cost,
                        "query cost " + cost + " exceeds the maximum cost " + limits.maxCost()
                                + " (santegraph.graphql.limits.max-cost): ask for smaller pages or fewer fields"));
            }
        }
        if (!errors.isEmpty()) {
            throw new AbortExecutionException(errors);
        }
        return super.beginExecuteOperation(parameters, state);
    }

    private static int depthOf(QueryVisitorFieldEnvironment env) {
        int depth = 1;
        for (var parent = env.getParentEnvironment(); parent != null; parent = parent.getParentEnvironment()) {
            depth++;
        }
        return depth;
    }

    private long cost(QueryTraverser traverser) {
        // Children are visited before their parent: sum them per parent — what is read once per connection (its
        // total, its page info) apart from what is read per item — then weigh the per-item part by the page size.
        Map<QueryVisitorFieldEnvironment, Long> perItem = new HashMap<>();
        Map<QueryVisitorFieldEnvironment, Long> once = new HashMap<>();
        long[] total = {0};
        traverser.visitPostOrder(new QueryVisitorStub() {
            @Override
            public void visitField(QueryVisitorFieldEnvironment env) {
                if (env.isTypeNameIntrospectionField()) {
                    return;
                }
                String name = env.getField().getName();
                // A count reads every match, whatever the page: weighed apart, so that a thousand aliases of a
                // one-item page with its total cost what they make the database do.
                long cost = "totalCount".equals(name) ? limits.countCost()
                        : 1 + once.getOrDefault(env, 0L) + perItem.getOrDefault(env, 0L) * pageSize(env);
                if (env.getParentEnvironment() == null) {
                    total[0] += cost;
                } else {
                    boolean perConnection = "totalCount".equals(name) || "pageInfo".equals(name);
                    (perConnection ? once : perItem).merge(env.getParentEnvironment(), cost, Long::sum);
                }
            }
        });
        return total[0];
    }

    private long pageSize(QueryVisitorFieldEnvironment env) {
        if (env.getFieldDefinition().getArgument("first") == null) {
            return 1;
        }
        Object first = env.getArguments().get("first");
        if (first == null) {
            first = env.getArguments().get("last");
        }
        // A `first` above the maximum page size is refused by its own, clearer error (naming max-page-size):
        // weigh it as the largest page it could be rather than report it as a cost overrun.
        return first instanceof Number number ? Math.min(Math.max(number.longValue(), 1), maxPageSize) : defaultPageSize;
    }

    private static boolean isIntrospectionOnly(ExecutionContext context) {
        for (Selection<?> selection : context.getOperationDefinition().getSelectionSet().getSelections()) {
            if (!(selection instanceof Field field) || !field.getName().startsWith("__")) {
                return false;
            }
        }
        return true;
    }
}
