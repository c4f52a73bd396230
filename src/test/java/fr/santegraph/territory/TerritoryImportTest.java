package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import fr.santegraph.ingest.ImportSummary;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/** The importer on the real 2024 COG and La Poste files from ../shared. */
@IntegrationTest
class TerritoryImportTest {

    @Autowired
    RealGraph realGraph;
    @Autowired
    TerritoryImporter importer;
    @Autowired
    Neo4jClient neo4j;

    ImportSummary summary;

    @BeforeEach
    void loadRealTerritories() {
        summary = realGraph.territories();
    }

    private long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    private Map<String, Long> graphCounts() {
        return Map.of(
                "territories", count("MATCH (t:Territory) RETURN count(t)"),
                "partOf", count("MATCH ()-[r:PART_OF]->() RETURN count(r)"),
                "memberOf", count("MATCH ()-[r:MEMBER_OF]->() RETURN count(r)"),
                "postalCodes", count("MATCH (p:PostalCode) RETURN count(p)"),
                "hasPostalCode", count("MATCH ()-[r:HAS_POSTAL_CODE]->() RETURN count(r)"),
                "centroids", count("MATCH (t:Territory) WHERE t.centroid IS NOT NULL RETURN count(t)"));
    }

    @Test
    void loadsEveryLevelOfThe2024Cog() {
        assertThat(count("MATCH (t:Region) RETURN count(t)")).isEqualTo(18);
        assertThat(count("MATCH (t:Department) RETURN count(t)")).isEqualTo(101);
        assertThat(count("MATCH (t:OverseasCollectivity) RETURN count(t)")).isEqualTo(8);
        assertThat(count("MATCH (t:Commune) RETURN count(t)")).isEqualTo(35_029);
        assertThat(count("MATCH (t:MunicipalArrondissement) RETURN count(t)")).isEqualTo(45);
        assertThat(count("MATCH (t:DelegatedCommune) RETURN count(t)")).isEqualTo(2_081);
        assertThat(count("MATCH (t:AssociatedCommune) RETURN count(t)")).isEqualTo(483);
        assertThat(count("MATCH (t:Epci) RETURN count(t)")).isEqualTo(1_255);
        // Every département and region has its communes' population: France adds up, Paris is one commune.
        assertThat(count("MATCH (t) WHERE (t:Department OR t:Region) AND t.population IS NULL RETURN count(t)")).isZero();
        assertThat(count("MATCH (d:Department {code: '75'}) RETURN d.population"))
                .isEqualTo(count("MATCH (c:Commune {code: '75056'}) RETURN c.population"));
        assertThat(count("MATCH (r:Region) RETURN sum(r.population)"))
                .isEqualTo(count("MATCH (c:Commune)-[:PART_OF]->(:Department) RETURN sum(c.population)"));
        assertThat(summary.counter("COMMUNE written")).isEqualTo(35_029);
    }

    @Test
    void everyCommuneHasADepartmentAndRegionOrAnOverseasCollectivity() {
        assertThat(count("""
                MATCH (c:Commune) WHERE NOT EXISTS { (c)-[:PART_OF]->(:Department)-[:PART_OF]->(:Region) }
                  AND NOT EXISTS { (c)-[:PART_OF]->(:OverseasCollectivity) }
                RETURN count(c)""")).isZero();
        assertThat(neo4j.query("""
                MATCH (:Commune {code: '2A004'})-[:PART_OF]->(d)-[:PART_OF]->(r) RETURN d.code + '/' + r.name""")
                .fetchAs(String.class).one()).contains("2A/Corse");
    }

    @Test
    void anEpciHasExactlyItsPublishedMemberCommunes() {
        // CC Faucigny - Glières, first EPCI of epci.json: 7 member communes including Bonneville (74042).
        assertThat(neo4j.query("MATCH (c:Commune)-[:MEMBER_OF]->(:Epci {code: '200000172'}) RETURN c.code ORDER BY c.code")
                .fetchAs(String.class).all()).hasSize(7).contains("74042", "74164");
        assertThat(count("MATCH ()-[r:MEMBER_OF]->(:Epci) RETURN count(r)")).isEqualTo(34_931);
        assertThat(count("MATCH (c:Commune) WHERE count { (c)-[:MEMBER_OF]->() } > 1 RETURN count(c)")).isZero();
    }

    @Test
    void communesGetPostalCodesAndCentroidsFromLaPoste() {
        assertThat(neo4j.query("""
                MATCH (:Commune {code: '13055'})-[:HAS_POSTAL_CODE]->(p) RETURN p.code ORDER BY p.code""")
                .fetchAs(String.class).all()).contains("13001", "13016");
        assertThat(count("MATCH (c:Commune) WHERE c.centroid IS NOT NULL RETURN count(c)")).isGreaterThan(33_000);
        var ajaccio = neo4j.query("MATCH (c:Commune {code: '2A004'}) RETURN c.centroid.latitude AS lat, c.centroid.longitude AS lon")
                .fetch().one().orElseThrow();
        assertThat((Double) ajaccio.get("lat")).isBetween(41.8, 42.0);
        assertThat((Double) ajaccio.get("lon")).isBetween(8.6, 8.9);
    }

    @Test
    void importingTheSameFilesAgainLeavesTheSameGraph() {
        Map<String, Long> before = graphCounts();

        ImportSummary again = RealGraph.importTerritories(importer);

        assertThat(graphCounts()).isEqualTo(before);
        assertThat(again.counter("territories retired")).isZero();
        assertThat(count("MATCH (t:Territory) WHERE NOT t.active RETURN count(t)")).isZero();
    }
}
