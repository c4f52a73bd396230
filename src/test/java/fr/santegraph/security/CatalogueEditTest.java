package fr.santegraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** Catalogue edits need the EDITOR role; refused calls change nothing. */
class CatalogueEditTest extends ScratchGraphTest {

    @Autowired
    HttpGraphQlTester graphQl;

    private HttpGraphQlTester withRoles(String... roles) {
        return graphQl.mutate().header("Authorization",
                "Bearer " + TestTokens.token("user-" + UUID.randomUUID(), List.of(roles))).build();
    }

    private static final Map<String, Object> PRODUCER = Map.of("code", "ors-test", "name",
            "Observatoire régional de la santé de test", "acronym", "ORS-T", "kind", "ORS");

    @Test
    void everyEditIsRefusedWithoutTheEditorRoleAndChangesNothing() {
        graphQl.documentName("saveProducer").variable("input", PRODUCER).execute().errors().satisfy(errors ->
                assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("UNAUTHORIZED")));
        for (String role : List.of("INSTITUTION", "ADMIN")) {
            withRoles(role).documentName("saveProducer").variable("input", PRODUCER).execute().errors().satisfy(errors ->
                    assertThat(errors).singleElement().satisfies(e -> assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        }
        withRoles("INSTITUTION").documentName("editCatalogue")
                .variable("alias", "ORS TEST")
                .variable("dataset", Map.of("code", "d", "title", "D"))
                .variable("indicator", Map.of("code", "i", "name", "I")).execute()
                .errors().satisfy(errors -> assertThat(errors).isNotEmpty().allSatisfy(e ->
                        assertThat(e.getErrorType().toString()).isEqualTo("FORBIDDEN")));
        assertThat(count("MATCH (n) WHERE n:Producer OR n:Dataset OR n:Indicator RETURN count(n)")).isZero();
    }

    @Test
    void editorsCreateThenCorrectEntriesKeyedOnTheirCode() {
        HttpGraphQlTester editor = withRoles("EDITOR");
        editor.documentName("saveProducer").variable("input", PRODUCER).execute()
                .path("saveProducer.created").entity(Boolean.class).isEqualTo(true)
                .path("saveProducer.producer.id").entity(String.class).isEqualTo("producer:ors-test");
        editor.documentName("saveProducer").variable("input", Map.of("code", "ors-test", "name", "ORS de test (corrigé)"))
                .execute()
                .path("saveProducer.created").entity(Boolean.class).isEqualTo(false)
                .path("saveProducer.producer.name").entity(String.class).isEqualTo("ORS de test (corrigé)");

        editor.documentName("editCatalogue")
                .variable("alias", "OBSERVATOIRE REGIONAL DE TEST")
                .variable("dataset", Map.of("code", "enquete-test", "title", "Enquête de test", "publisher", "ors-test",
                        "accessAggregated", "OPEN", "accessGranular", "RESTRICTED"))
                .variable("indicator", Map.of("code", "ind-test", "name", "Taux de test", "producer", "ors-test",
                        "sourceDataset", "dataset:enquete-test"))
                .execute()
                .path("addProducerAlias.producer.aliases").entityList(String.class).contains("OBSERVATOIRE REGIONAL DE TEST")
                .path("saveDataset.dataset.accessLevel").entity(String.class).isEqualTo("OPEN")
                .path("saveIndicator.indicator.id").entity(String.class).isEqualTo("indicator:ind-test");

        assertThat(count("MATCH (:Producer) RETURN count(*)")).isEqualTo(1);
        assertThat(count("MATCH (:Indicator {code: 'ind-test'})-[:DERIVED_FROM]->(:Dataset)-[:PUBLISHED_BY]->"
                + "(:Producer {code: 'ors-test'}) RETURN count(*)")).isEqualTo(1);
    }

    @Test
    void invalidEditsAreRejectedAsData() {
        withRoles("EDITOR").documentName("saveProducer").variable("input", Map.of("code", "Not A Slug", "name", "x"))
                .execute().path("saveProducer.reason").entity(String.class).satisfies(reason ->
                        assertThat(reason).contains("lower-case letters"));
        withRoles("EDITOR").documentName("editCatalogue")
                .variable("alias", "x")
                .variable("dataset", Map.of("code", "d", "title", "D", "publisher", "nobody"))
                .variable("indicator", Map.of("code", "i", "name", "I", "sourceDataset", "nothing")).execute()
                .path("addProducerAlias.reason").entity(String.class).isEqualTo("no producer producer:ors-test")
                .path("saveDataset.reason").entity(String.class).isEqualTo("no producer nobody")
                .path("saveIndicator.reason").entity(String.class).isEqualTo("no dataset nothing");
        assertThat(count("MATCH (n) WHERE n:Producer OR n:Dataset OR n:Indicator RETURN count(n)")).isZero();
    }
}
