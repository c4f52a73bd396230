package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

@IntegrationTest
class Neo4jSchemaTest {

    @Autowired
    Neo4jSchemaInitializer schema;
    @Autowired
    Neo4jClient neo4j;

    private long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    @Test
    void everyTerritoryBusinessKeyHasAUniquenessConstraint() {
        assertThat(neo4j.query("SHOW CONSTRAINTS YIELD labelsOrTypes, properties, type WHERE type = 'UNIQUENESS' "
                        + "RETURN labelsOrTypes[0] + '.' + properties[0]").fetchAs(String.class).all())
                .contains("Territory.id", "Region.code", "Department.code", "Epci.code", "Commune.code", "PostalCode.code");
    }

    @Test
    void applyingTheSchemaAgainChangesNothing() {
        long constraints = count("SHOW CONSTRAINTS YIELD name RETURN count(name)");
        long indexes = count("SHOW INDEXES YIELD name RETURN count(name)");

        schema.afterPropertiesSet();

        assertThat(count("SHOW CONSTRAINTS YIELD name RETURN count(name)")).isEqualTo(constraints);
        assertThat(count("SHOW INDEXES YIELD name RETURN count(name)")).isEqualTo(indexes);
    }

    @Test
    void scriptsSplitOnSemicolonsAndSkipComments() {
        assertThat(Neo4jSchemaInitializer.split("// a comment; with a semicolon\nCREATE INDEX a;\n\nCREATE INDEX b\n  ON x;\n"))
                .containsExactly("CREATE INDEX a", "CREATE INDEX b\n  ON x");
    }
}
