package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** A document is parsed and validated once; every request still gets its own variables, answer and limits. */
@IntegrationTest
class ParsedDocumentsTest {

    static final String BY_CODE = "query ByCode($code: String!) { territory(code: $code, level: DEPARTMENT) { code name } }";

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    ParsedDocuments documents;

    @Test
    void aDocumentKeptOnceAnswersEachRequestWithItsOwnVariables() {
        graphQl.document(BY_CODE).variable("code", "2A").execute().path("territory.name").entity(String.class)
                .isEqualTo("Corse-du-Sud");
        int kept = documents.size();
        assertThat(kept).isPositive();
        graphQl.document(BY_CODE).variable("code", "33").execute().path("territory.name").entity(String.class)
                .isEqualTo("Gironde");
        graphQl.document(BY_CODE).variable("code", 33).execute().errors()
                .satisfy(errors -> assertThat(errors).as("a variable of the wrong type, on a kept document").isNotEmpty());
        assertThat(documents.size()).as("the same document, kept once").isEqualTo(kept);
    }

    @Test
    void theLimitsApplyToEveryRequestOfAKeptDocumentAndInvalidDocumentsAreNotKept() {
        String tooDeep = GraphQlLimitsSliceTest.nested(20);
        for (int i = 0; i < 2; i++) {
            graphQl.document(tooDeep).execute().errors().satisfy(errors -> assertThat(errors).singleElement()
                    .satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("QUERY_LIMIT")));
        }
        int kept = documents.size();
        for (int i = 0; i < 2; i++) {
            graphQl.document("{ territory(code: \"2A\") { noSuchField } }").execute().errors()
                    .satisfy(errors -> assertThat(errors).isNotEmpty());
        }
        assertThat(documents.size()).as("a document that does not validate is never kept").isEqualTo(kept);
    }

    @Test
    void aFloodOfDistinctDocumentsIsBoundedInNumber() {
        var flood = new ParsedDocuments();
        for (int i = 0; i < ParsedDocuments.MAX_DOCUMENTS + 500; i++) {
            String document = "{ territory(code: \"" + i + "\") { name } }";
            flood.getDocumentAsync(ExecutionInput.newExecutionInput(document).build(),
                    input -> new PreparsedDocumentEntry(Parser.parse(input.getQuery())));
        }
        assertThat(flood.size()).isEqualTo(ParsedDocuments.MAX_DOCUMENTS);
    }
}
