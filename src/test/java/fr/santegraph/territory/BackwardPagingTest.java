package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A list paged backward (`last` with `before`) gives exactly the page paged forward to, and the arguments a careless
 * or hostile client mixes are refused with a message instead of answering another page.
 */
@IntegrationTest
class BackwardPagingTest {

    @Autowired
    RealGraph realGraph;
    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void load() {
        realGraph.territories();
    }

    private GraphQlTester.Response page(String arguments) {
        return graphQl.document("{ territories(filter: {level: DEPARTMENT}, orderBy: {field: NAME}, " + arguments
                + ") { nodes { code } pageInfo { startCursor endCursor hasPreviousPage hasNextPage } } }").execute();
    }

    private static List<String> codes(GraphQlTester.Response response) {
        return response.path("territories.nodes[*].code").entityList(String.class).get();
    }

    private static String cursor(GraphQlTester.Response response, String which) {
        return response.path("territories.pageInfo." + which).entity(String.class).get();
    }

    @Test
    void theLastItemsBeforeACursorAreThePageThatForwardPagingGaveBeforeIt() {
        var first = page("first: 5");
        var second = page("first: 5, after: \"" + cursor(first, "endCursor") + "\"");
        var third = page("first: 5, after: \"" + cursor(second, "endCursor") + "\"");

        var back = page("last: 5, before: \"" + cursor(third, "startCursor") + "\"");
        assertThat(codes(back)).hasSize(5).isEqualTo(codes(second));
        back.path("territories.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
        var backAgain = page("last: 5, before: \"" + cursor(back, "startCursor") + "\"");
        assertThat(codes(backAgain)).isEqualTo(codes(first));
        backAgain.path("territories.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(false);

        // More than there is before the cursor: the items from the start, no fewer, no wrap-around.
        assertThat(codes(page("last: 50, before: \"" + cursor(second, "startCursor") + "\""))).isEqualTo(codes(first));
    }

    @Test
    void mixedMissingOrForgedBackwardArgumentsAreRefusedByName() {
        String before = cursor(page("first: 5"), "endCursor");
        Map<String, String> refused = Map.of(
                "last: 5", "before",
                "first: 5, last: 5, before: \"" + before + "\"", "not both",
                "last: -1, before: \"" + before + "\"", "last must not be negative",
                "last: 5, before: \"Tl8tNQ==\"", "'before' is not a cursor",
                "last: 100000, before: \"" + before + "\"", "maximum page size");
        refused.forEach((arguments, message) -> page(arguments).errors().satisfy(errors ->
                assertThat(errors).as(arguments).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains(message))));
    }
}
