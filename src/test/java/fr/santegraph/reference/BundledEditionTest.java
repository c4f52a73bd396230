package fr.santegraph.reference;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.catalogue.CatalogueReferenceImporter;
import fr.santegraph.catalogue.CatalogueSortKeys;
import fr.santegraph.dataset.EtalabCartographyImporter;
import fr.santegraph.dataset.SndsSchemaImporter;
import fr.santegraph.indicator.DreesIndicatorImporter;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.ingest.SourceEditions;
import fr.santegraph.support.GraphChecksum;
import fr.santegraph.territory.TerritoryImporter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a start does with the bundled data the graph already holds: nothing when it is the same, an update with the
 * semantics of {@code import territories --edition} when a newer COG edition is bundled, and never overwrite a
 * user's import of the same or a newer edition. The bundles are the six-commune fixture COG of 2024 and 2025
 * ({@code src/test/resources/bundles/}).
 */
class BundledEditionTest extends ScratchGraphTest {

    @Autowired
    SourceEditions editions;
    @Autowired
    TerritoryImporter territories;
    @Autowired
    CatalogueReferenceImporter catalogue;
    @Autowired
    EtalabCartographyImporter etalab;
    @Autowired
    DreesIndicatorImporter indicators;
    @Autowired
    SndsSchemaImporter snds;
    @Autowired
    CatalogueSortKeys sortKeys;

    /** A loader as a start with that bundle in its jar would run it; the fixture merger retires 20 % of communes. */
    private BundledDataLoader loader(String bundle, double maxRetiredShare) {
        return new BundledDataLoader(editions, territories, catalogue, etalab, indicators, snds, sortKeys, "bundles/" + bundle + "/",
                true, List.of(), maxRetiredShare);
    }

    private GraphChecksum checksum() {
        return GraphChecksum.of(cypher -> List.copyOf(neo4j.query(cypher).fetchAs(String.class).all()));
    }

    private String one(String cypher) {
        return neo4j.query(cypher).fetchAs(String.class).one().orElse(null);
    }

    private static String action(BundledDataLoader loader) {
        return loader.outcomes().get(0).action();
    }

    @Test
    void aFirstStartLoadsTheBundleAndRecordsItsEdition() {
        BundledDataLoader first = loader("cog-2024", 0.05);
        assertThat(first.loading()).as("closed until run").isTrue();

        first.run(null);

        assertThat(first.loading()).isFalse();
        assertThat(action(first)).isEqualTo("loaded (first load)");
        assertThat(count("MATCH (c:Commune {active: true}) RETURN count(c)")).isEqualTo(5);
        assertThat(editions.find("territories")).get().satisfies(held -> {
            assertThat(held.edition()).isEqualTo("2024");
            assertThat(held.origin()).isEqualTo(SourceEditions.Origin.BUNDLED);
        });
    }

    @Test
    void aLaterStartWithTheSameBundleLoadsNothing() {
        loader("cog-2024", 0.05).run(null);
        GraphChecksum before = checksum();

        BundledDataLoader again = loader("cog-2024", 0.05);
        again.run(null);

        assertThat(action(again)).isEqualTo("kept: already loaded");
        assertThat(again.outcomes().get(0).summary()).isNull();
        assertThat(checksum()).isEqualTo(before);
    }

    @Test
    void aNewerBundledCogEditionIsAppliedAsAnUpdateOfTheSameNodes() {
        loader("cog-2024", 0.05).run(null);

        BundledDataLoader update = loader("cog-2025", 0.2);
        update.run(null);

        assertThat(action(update)).isEqualTo("loaded (update from bundled edition 2024)");
        // As import territories --edition 2025: merged commune retired on the edition's day, linked to its successor.
        assertThat(one("MATCH (c:Commune {code: '01003'})-[:MERGED_INTO]->(s) WHERE NOT c.active "
                + "RETURN toString(c.retiredOn) + ' ' + s.code")).isEqualTo("2025-01-01 01004");
        assertThat(one("MATCH (c:Commune {code: '01002'}) RETURN c.name")).isEqualTo("Varey-l'Abergement");
        assertThat(count("MATCH (t:Territory) WITH t.id AS id, count(*) AS n WHERE n > 1 RETURN count(id)")).isZero();
        assertThat(editions.find("territories")).get().extracting(SourceEditions.Held::edition).isEqualTo("2025");
    }

    @Test
    void aBundledUpdateOverTheRetirementLimitChangesNothingAndTheOtherSourcesStillLoad() {
        loader("cog-2024", 0.05).run(null);
        GraphChecksum before = checksum();

        BundledDataLoader refused = loader("cog-2025", 0.05);
        refused.run(null);

        assertThat(action(refused)).startsWith("failed: ").contains("1 of 5 active commune territories (20.0 %");
        assertThat(refused.loading()).isFalse();
        assertThat(checksum()).isEqualTo(before);
        assertThat(editions.find("territories")).get().extracting(SourceEditions.Held::edition).isEqualTo("2024");
    }

    @Test
    void aUsersImportOfANewerEditionIsNotOverwrittenByTheBundledOne() throws Exception {
        loader("cog-2024", 0.05).run(null);
        territories.run(ImportRequest.of("territories", "dir", "src/test/resources/fixtures/territories/cog-b",
                "edition", "2025", "max-retired-share", "0.2"));
        GraphChecksum imported = checksum();

        BundledDataLoader restart = loader("cog-2024", 0.05);
        restart.run(null);

        assertThat(action(restart)).isEqualTo("kept: imported by a user (edition 2025)");
        assertThat(checksum()).isEqualTo(imported);
    }

    @Test
    void aUsersImportWithoutAnEditionIsKept() throws Exception {
        territories.run(ImportRequest.of("territories", "dir", "src/test/resources/fixtures/territories/cog-a"));

        BundledDataLoader start = loader("cog-2025", 0.2);
        start.run(null);

        assertThat(action(start)).isEqualTo("kept: imported by a user (edition not given)");
        assertThat(one("MATCH (c:Commune {code: '01003'}) RETURN toString(c.active)")).isEqualTo("true");
    }
}
