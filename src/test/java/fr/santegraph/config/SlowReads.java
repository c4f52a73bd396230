package fr.santegraph.config;

import fr.santegraph.common.ReadTransaction;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** A read that would run for minutes, to prove the Cypher timeout stops it (tests only). */
@Component
public class SlowReads {

    private final Neo4jClient neo4j;

    SlowReads(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    @ReadTransaction
    public long countForever() {
        return neo4j.query("UNWIND range(1, 5000000000) AS x WITH x WHERE x % 7 = 3 RETURN count(x)")
                .fetchAs(Long.class).one().orElseThrow();
    }
}
