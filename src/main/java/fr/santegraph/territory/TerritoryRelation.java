package fr.santegraph.territory;

/** The single-valued relations of a territory, each a Cypher pattern from {@code t} to {@code other}. */
enum TerritoryRelation {
    PARENT("MATCH (t)-[:PART_OF]->(other:Territory)"),
    DEPARTMENT("MATCH (t)-[:PART_OF*1..2]->(other:Department)"),
    REGION("MATCH (t)-[:PART_OF*1..3]->(other:Region)"),
    // Arrondissements and delegated communes are in the EPCI of their commune.
    EPCI("MATCH (t)-[:PART_OF*0..1]->(:Commune)-[:MEMBER_OF]->(other:Epci)"),
    MERGED_INTO("MATCH (t)-[:MERGED_INTO]->(other:Commune)");

    final String pattern;

    TerritoryRelation(String pattern) {
        this.pattern = pattern;
    }
}
