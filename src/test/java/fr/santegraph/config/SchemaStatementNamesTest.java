package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A later start skips the schema statements by name: every statement of schema/neo4j must name what it creates. */
class SchemaStatementNamesTest {

    @Test
    void everySchemaStatementNamesItsConstraintOrIndexAndIsIdempotent() {
        List<String> statements = Neo4jSchemaInitializer.loadStatements();
        assertThat(statements).hasSizeGreaterThan(50);
        assertThat(statements).allSatisfy(statement ->
                assertThat(Neo4jSchemaInitializer.nameOf(statement)).as(statement).isPresent());
        assertThat(Neo4jSchemaInitializer.nameOf("CREATE FULLTEXT INDEX search_text IF NOT EXISTS FOR (n:X) ON EACH [n.a]"))
                .contains("search_text");
        assertThat(Neo4jSchemaInitializer.nameOf("CREATE INDEX FOR (n:X) ON (n.a)")).isEmpty();
    }
}
