package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.DataFetcher;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class DeadlineInstrumentationTest {

    @Test
    void aRequestOfManySlowAliasesStopsFetchingAtItsDeadline() {
        AtomicInteger fetched = new AtomicInteger();
        DataFetcher<Integer> slow = env -> {
            fetched.incrementAndGet();
            Thread.sleep(50);
            return 1;
        };
        var schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("type Query { slow: Int }"),
                RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("slow", slow)).build());
        var limits = new QueryLimitsProperties(15, 50_000, Duration.ofMillis(300), DataSize.ofKilobytes(256), 10, 0, 0, 50);
        GraphQL graphQl = GraphQL.newGraphQL(schema).instrumentation(new DeadlineInstrumentation(limits)).build();
        String query = IntStream.range(0, 200).mapToObj(i -> "a" + i + ": slow").collect(Collectors.joining(" ", "{ ", " }"));

        long start = System.nanoTime();
        ExecutionResult result = graphQl.execute(query);
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(fetched.get()).as("fields fetched of 200 at 50 ms each").isBetween(1, 10);
        assertThat(millis).as("ms: the deadline plus one fetch, not 10 s").isLessThan(2_000);
        assertThat(result.getErrors()).hasSize(200 - fetched.get()).allSatisfy(error -> {
            assertThat(error.getErrorType()).isEqualTo(QueryLimitError.QUERY_LIMIT);
            assertThat(error.getMessage()).contains("santegraph.graphql.limits.request-timeout");
            assertThat(error.getPath()).hasSize(1);
        });
    }
}
