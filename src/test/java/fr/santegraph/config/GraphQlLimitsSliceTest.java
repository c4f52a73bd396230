package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import graphql.introspection.IntrospectionQuery;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.graphql.GraphQlTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The GraphQL layer alone: the schema files, the scalars, the error mapping and the limits, with no controller and no
 * database. What these tests refuse is refused before any field is fetched: here there is nothing to fetch from (a
 * field that got through would answer null without an error).
 */
@GraphQlTest(useDefaultFilters = false, includeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE,
        classes = {QueryLimitsInstrumentation.class, PageArgumentsInstrumentation.class}))
@Import(GraphQlConfiguration.class)
@EnableConfigurationProperties(QueryLimitsProperties.class)
class GraphQlLimitsSliceTest {

    @Autowired
    GraphQlTester graphQl;

    /** A territory with its children nested {@code levels} deep. */
    static String nested(int levels) {
        String inner = "name";
        for (int i = 0; i < levels; i++) {
            inner = "children(first: 1) { nodes { " + inner + " } }";
        }
        return "{ territory(code: \"2A\") { " + inner + " } }";
    }

    private void refused(String document, String errorType, String message) {
        graphQl.document(document).execute().errors().satisfy(errors ->
                assertThat(errors).as(document.length() > 200 ? document.substring(0, 200) : document).singleElement()
                        .satisfies(error -> {
                            assertThat(error.getErrorType().toString()).isEqualTo(errorType);
                            assertThat(error.getMessage()).contains(message);
                        }));
    }

    @Test
    void aQueryDeeperThanTheMaximumDepthIsRefusedNamingTheLimit() {
        graphQl.document(nested(8)).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType().toString()).isEqualTo("QUERY_LIMIT");
                    assertThat(error.getMessage()).contains("exceeds the maximum depth 15")
                            .contains("santegraph.graphql.limits.max-depth");
                    assertThat(error.getExtensions()).containsEntry("limit", "santegraph.graphql.limits.max-depth");
                }));
    }

    @Test
    void aQueryWithinTheLimitsPassesThemAndReachesTheFetchers() {
        // No controller here: the root field answers null, without any error from the limits.
        graphQl.document(nested(3)).execute().errors().verify().path("territory").valueIsNull();
    }

    @Test
    void pagesNestedInPagesCostTheirProductAndAreRefusedAboveTheMaximumCost() {
        refused("{ territories(first: 1000) { nodes { children(first: 1000) { nodes { name } } } } }",
                "QUERY_LIMIT", "exceeds the maximum cost 50000");
    }

    @Test
    void hundredsOfAliasesOfAnExpensiveFieldAreRefusedByCost() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 300; i++) {
            query.append(" a").append(i).append(": territories(first: 1000) { totalCount nodes { name } }");
        }
        refused(query.append(" }").toString(), "QUERY_LIMIT", "maximum cost");
    }

    @Test
    void deeplyNestedFragmentsCountTowardsDepth() {
        StringBuilder query = new StringBuilder("{ territory(code: \"2A\") { ...f0 } }");
        for (int i = 0; i < 10; i++) {
            query.append(" fragment f").append(i).append(" on Territory { children(first: 1) { nodes { ...f")
                    .append(i + 1).append(" } } }");
        }
        query.append(" fragment f10 on Territory { name }");
        refused(query.toString(), "QUERY_LIMIT", "maximum depth");
    }

    @Test
    void theFullIntrospectionQueryOfGraphiqlIsNotLimited() {
        graphQl.document(IntrospectionQuery.INTROSPECTION_QUERY).execute()
                .path("__schema.queryType.name").entity(String.class).isEqualTo("Query");
    }

    @Test
    void syntaxErrorsUnknownFieldsAndWrongTypesAreClearErrors() {
        refused("{ territories(first: 2 { totalCount } }", "InvalidSyntax", "");
        refused("{ territories(first: 2) { population totalCount } }", "ValidationError", "population");
        refused("{ territories(first: \"two\") { totalCount } }", "ValidationError", "");
    }

    @Test
    void forgedNegativeOrContradictoryPageArgumentsAreRefusedByNameBeforeAnyFetch() {
        String forged = Base64.getEncoder().encodeToString("O_-5".getBytes(StandardCharsets.UTF_8));
        String valid = Base64.getEncoder().encodeToString("O_4".getBytes(StandardCharsets.UTF_8));
        Map<String, String> refusedArguments = Map.of(
                "first: -1", "first must not be negative",
                "first: 5, after: \"" + forged + "\"", "'after' is not a cursor returned by this service",
                "first: 5, after: \"not base64 at all\"", "'after' is not a cursor",
                "last: 5", "last needs before",
                "first: 5, last: 5, before: \"" + valid + "\"", "not both",
                "last: 100000, before: \"" + valid + "\"", "maximum page size");
        refusedArguments.forEach((arguments, message) ->
                refused("{ territories(" + arguments + ") { totalCount } }", "BAD_REQUEST", message));
    }
}
