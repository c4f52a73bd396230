package fr.santegraph.reference;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.NeedsSharedData;
import fr.santegraph.ScratchGraphTest;
import fr.santegraph.SharedData;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.ImportSummary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code import all --dir ../shared/data}: the published files as they lie there, every source of them. */
@NeedsSharedData
class ImportAllSharedDataTest extends ScratchGraphTest {

    @Autowired
    AllSourcesImporter all;

    @Test
    void theWholeSharedDataFolderLoadsWithOneCommand() throws Exception {
        ImportSummary summary = all.run(ImportRequest.of("all", "dir", SharedData.path("data").toString()));

        assertThat(count("MATCH (c:Commune {active: true}) RETURN count(c)")).isEqualTo(35_029);
        assertThat(count("MATCH (e:Epci) RETURN count(e)")).isEqualTo(1_255);
        assertThat(count("MATCH (i:Indicator) WHERE NOT coalesce(i.derived, false) RETURN count(i)")).isEqualTo(19_355);
        // And the densities computed from the extraction, one per profession and savoir-faire it holds.
        assertThat(count("MATCH (i:Indicator {derived: true}) RETURN count(i)")).isPositive();
        assertThat(count("MATCH (t:Table) RETURN count(t)")).isEqualTo(186);
        assertThat(count("MATCH (d:Dataset) WHERE 'etalab-2014' IN d.sources RETURN count(d)")).isBetween(280L, 288L);
        // The 22 real lines of the 2021 extraction, placed in the communes loaded before them.
        assertThat(summary.counter("practitioners created")).isEqualTo(22);
        assertThat(count("MATCH (:Site)-[:LOCATED_IN]->(:Commune) RETURN count(*)")).isPositive();
    }
}
