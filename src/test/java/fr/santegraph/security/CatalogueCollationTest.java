package fr.santegraph.security;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.catalogue.CatalogueSortKeys;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Catalogue lists sorted by name follow French order, not code points (where "SETRA" comes before "Santé publique
 * France" and "Étude…" after "Xpr-So"), and an editor's rename moves the entry to its new place at once.
 */
class CatalogueCollationTest extends ScratchGraphTest {

    @Autowired
    HttpGraphQlTester graphQl;
    @Autowired
    CatalogueSortKeys sortKeys;
    @Autowired
    Neo4jClient neo4j;

    private void save(HttpGraphQlTester editor, String code, String name) {
        editor.documentName("saveProducer").variable("input", Map.of("code", code, "name", name)).execute()
                .path("saveProducer.producer.name").entity(String.class).isEqualTo(name);
    }

    private List<String> names(String direction) {
        return graphQl.documentName("producersOrdered")
                .variable("orderBy", Map.of("field", "NAME", "direction", direction)).execute()
                .path("producers.nodes[*].name").entityList(String.class).get();
    }

    @Test
    void producersSortByNameIgnoringAccentsAndCaseAndFollowARename() {
        HttpGraphQlTester editor = graphQl.mutate().header("Authorization",
                "Bearer " + TestTokens.token("editor-" + UUID.randomUUID(), List.of("EDITOR"))).build();
        save(editor, "setra", "SETRA");
        save(editor, "xpr-so", "Xpr-So");
        save(editor, "spf", "Santé publique France");
        save(editor, "etude", "Étude nationale nutrition santé");
        save(editor, "oeuvre", "Œuvre des hôpitaux");
        save(editor, "obs", "Observatoire régional");

        List<String> expected = List.of("Étude nationale nutrition santé", "Observatoire régional", "Œuvre des hôpitaux",
                "Santé publique France", "SETRA", "Xpr-So");
        assertThat(names("ASC")).containsExactlyElementsOf(expected);
        List<String> descending = new ArrayList<>(expected);
        Collections.reverse(descending);
        assertThat(names("DESC")).containsExactlyElementsOf(descending);

        save(editor, "xpr-so", "Agence Xpr-So");
        assertThat(names("ASC")).first().isEqualTo("Agence Xpr-So");

        // A graph written before the keys existed: the start-up fill gives them back.
        neo4j.query("MATCH (p:Producer) REMOVE p.sortName").run();
        assertThat(names("ASC")).last().isEqualTo("Œuvre des hôpitaux");
        sortKeys.fillMissing();
        assertThat(names("ASC")).last().isEqualTo("SETRA");
    }
}
