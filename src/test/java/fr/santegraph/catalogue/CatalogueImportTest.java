package fr.santegraph.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.dataset.EtalabCartographyImporter;
import fr.santegraph.dataset.SndsSchemaImporter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

@IntegrationTest
class CatalogueImportTest {

    @Autowired
    CatalogueGraph catalogue;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    EtalabCartographyImporter etalab;
    @Autowired
    SndsSchemaImporter snds;

    @BeforeEach
    void load() {
        catalogue.load();
    }

    private long count(String cypher) {
        return neo4j.query(cypher).fetchAs(Long.class).one().orElseThrow();
    }

    private List<String> strings(String cypher) {
        return List.copyOf(neo4j.query(cypher).fetchAs(String.class).all());
    }

    @Test
    void everyDreesIndicatorIsLoadedWithItsLinks() {
        assertThat(catalogue.drees().read()).isEqualTo(19_355);
        assertThat(catalogue.drees().rejected()).isZero();
        // 27 bases in the index, each one data service.
        assertThat(count("MATCH (i:Indicator {source: 'drees-2019-11'})-[:PUBLISHED_ON]->(s:DataService) RETURN count(DISTINCT s)"))
                .isEqualTo(27);
        // Indicators with a producer cell (287 are empty) all reach a producer.
        assertThat(count("MATCH (i:Indicator {source: 'drees-2019-11'}) WHERE NOT (i)-[:PRODUCED_BY]->() RETURN count(i)"))
                .isEqualTo(287);
        // The tags file sets at least one theme on 13,880 of the 19,355 rows.
        assertThat(count("MATCH (i:Indicator {source: 'drees-2019-11'}) WHERE (i)-[:HAS_THEME]->() RETURN count(i)"))
                .isEqualTo(13_880);
        assertThat(count("MATCH (i:Indicator {source: 'drees-2019-11'}) RETURN count(i)")).isEqualTo(19_355);
    }

    @Test
    void theEtalabMapGivesOneDatasetPerDatabase() {
        assertThat(catalogue.etalab().read()).isEqualTo(313);
        assertThat(catalogue.etalab().rejected()).isZero();
        // 313 rows, 288 distinct database names (some listed under two typologies), a few of which the bundled
        // dataset aliases merge (e.g. SAE and "Base Statistique Annuelle des Etablissements de Santé (SAE)").
        assertThat(count("MATCH (d:Dataset) WHERE 'etalab-2014' IN d.sources RETURN count(d)")).isBetween(280L, 288L);
        assertThat(count("MATCH (d:Dataset {code: 'pmsi'}) RETURN size(d.sources)")).isGreaterThanOrEqualTo(2);
        assertThat(strings("MATCH (d:Dataset {code: 'pmsi'}) RETURN d.accessGranularLabel")).containsExactly("Accès restreint");
        assertThat(strings("MATCH (d:Dataset {code: 'pmsi'}) RETURN d.accessGranular")).containsExactly("RESTRICTED");
    }

    @Test
    void producerSpellingsAreReconciledIntoOneNodeWithItsAliases() {
        assertThat(count("""
                MATCH (p:Producer) WHERE any(a IN p.aliases WHERE a IN ['CNAMTS', 'ASSURANCE MALADIE', 'CNAM'])
                   OR p.acronym = 'Cnam' RETURN count(DISTINCT p)""")).isEqualTo(1);
        List<String> aliases = strings("MATCH (p:Producer {code: 'cnam'}) UNWIND p.aliases AS a RETURN a");
        assertThat(aliases).contains("CNAMTS", "ASSURANCE MALADIE",
                "CAISSE NATIONALE DE L'ASSURANCE MALADIE DES TRAVAILLEURS SALARIES (CNAMTS)",
                "CAISSE NATIONALE D'ASSURANCE MALADIE (CNAM)");
        // Etalab's "CNAMTS" manager and the DREES indicators of CNAMTS/CNAM meet on the same node.
        assertThat(count("MATCH (:Dataset)-[:PUBLISHED_BY]->(p:Producer {code: 'cnam'}) RETURN count(*)")).isGreaterThan(30);
        assertThat(count("MATCH (:Indicator)-[:PRODUCED_BY]->(p:Producer {code: 'cnam'}) RETURN count(*)")).isGreaterThan(5_000);
        // InVS and INPES merged into Santé publique France.
        assertThat(strings("MATCH (i:Indicator {code: 'drees-1'})-[:PRODUCED_BY]->(p) RETURN p.code")).containsExactly("cnam");
        assertThat(count("MATCH (p:Producer) WHERE p.code IN ['invs', 'inpes', 'cnamts', 'assurance-maladie'] RETURN count(p)")).isZero();
        // One node per producer whatever the spelling: the 22 DREES base producers and 68 Etalab manager
        // spellings reconcile to far fewer nodes than spellings met.
        long producers = count("MATCH (p:Producer) RETURN count(p)");
        long spellings = count("MATCH (p:Producer) RETURN sum(size(p.aliases)) + count(p)");
        // Measured: 151 producer nodes for 304 spellings (names + aliases) across the three sources and the alias file.
        assertThat(producers).isEqualTo(151);
        assertThat(spellings).isEqualTo(304);
        assertThat(count("MATCH (p:Producer) WITH p.code AS code, count(*) AS n WHERE n > 1 RETURN count(*)")).isZero();
    }

    @Test
    void lineageIsWalkableFromProducerToVariableAndFromIndicatorToProducer() {
        // producer → dataset → table → variable
        assertThat(count("""
                MATCH (:Producer {code: 'atih'})<-[:PUBLISHED_BY]-(d:Dataset)<-[:PART_OF*0..2]-(:Dataset)<-[:PART_OF]-(t:Table)-[:HAS_VARIABLE]->(v:Variable)
                RETURN count(DISTINCT v)""")).isGreaterThan(1_000);
        // indicator → source dataset → producer
        assertThat(strings("""
                MATCH (i:Indicator {code: 'drees-1'})-[:DERIVED_FROM]->(d:Dataset)-[:PUBLISHED_BY]->(p:Producer)
                RETURN d.code + ' ' + p.code""")).containsExactly("sniiram cnam");
        // dataset → data service, indicator → geographic levels
        assertThat(strings("MATCH (:Dataset {code: 'pmsi'})<-[:SERVES]-(s:DataService) RETURN s.code ORDER BY s.code"))
                .contains("scansante");
        assertThat(strings("MATCH (:Indicator {code: 'drees-1'})-[:AVAILABLE_AT]->(g:GeoLevel) RETURN g.code"))
                .containsExactly("NATIONAL");
    }

    @Test
    void sndsSchemasGiveTablesVariablesKeysAndJoins() {
        assertThat(catalogue.snds().read()).isEqualTo(186);
        assertThat(catalogue.snds().rejected()).isZero();
        assertThat(count("MATCH (t:Table) RETURN count(t)")).isEqualTo(186);
        assertThat(count("MATCH (:Table)-[:HAS_VARIABLE]->(v:Variable) RETURN count(v)")).isEqualTo(4_754);
        assertThat(count("MATCH (:Table)-[j:JOINS]->(:Table) RETURN count(j)")).isEqualTo(193);
        assertThat(strings("MATCH (:Table {code: 'NS_DTR_F'})-[j:JOINS]->(t:Table) RETURN t.code + ':' + j.fields[0] ORDER BY t.code"))
                .contains("NS_PRS_F:CLE_DCI_JNT", "IR_IBA_R:BEN_IDT_ANO");
        assertThat(strings("MATCH (t:Table {code: 'IR_BEN_R'}) UNWIND t.primaryKey AS k RETURN k"))
                .containsExactly("BEN_NIR_PSA", "BEN_RNG_GEM");
        assertThat(strings("MATCH (:Table {code: 'EB_PRS_F'})-[:PART_OF]->(d:Dataset)-[:PART_OF]->(s:Dataset) RETURN d.code + ' in ' + s.code"))
                .containsExactly("egb in snds");
        assertThat(count("MATCH (:Variable {id: 'variable:NS_DTR_F.CLE_DCI_JNT'})-[:REFERENCES]->(:Variable {id: 'variable:NS_PRS_F.CLE_DCI_JNT'}) RETURN count(*)"))
                .isEqualTo(1);
    }

    @Test
    void reimportingTheSameFilesGivesTheSameGraph() {
        String shape = "MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) * 1000000 + count(r)";
        long before = count(shape);
        etalab.importDirectory(CatalogueGraph.etalabFolder(), ProducerDirectory.bundled());
        snds.importDirectory(CatalogueGraph.sndsFolder());
        assertThat(count(shape)).isEqualTo(before);
    }
}
