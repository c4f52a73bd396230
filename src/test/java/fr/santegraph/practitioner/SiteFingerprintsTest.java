package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class SiteFingerprintsTest {

    /** Sites of a graph, served page by page in identifier order as the range read does; counts what it was asked. */
    private static final class Graph {
        final TreeMap<String, Long> sites = new TreeMap<>();
        final List<String> pagesAfter = new ArrayList<>();
        final List<Collection<String>> lookups = new ArrayList<>();

        Graph(int count) {
            for (int i = 1; i <= count; i++) {
                sites.put("site-" + i, (long) i * 7);
            }
        }

        List<PractitionerWriter.HeldSite> after(String after, int limit) {
            pagesAfter.add(after);
            return sites.tailMap(after, false).entrySet().stream().limit(limit)
                    .map(site -> new PractitionerWriter.HeldSite(site.getKey(), site.getValue())).toList();
        }

        Map<String, Long> lookup(Collection<String> ids) {
            lookups.add(ids);
            Map<String, Long> found = new TreeMap<>();
            ids.stream().filter(sites::containsKey).forEach(id -> found.put(id, sites.get(id)));
            return found;
        }
    }

    private static SiteFingerprints loaded(Graph graph, int capacity, int page) {
        SiteFingerprints fingerprints = new SiteFingerprints(capacity);
        fingerprints.load(graph::after, page);
        return fingerprints;
    }

    @Test
    void everySiteIsReadPageByPageThenAnsweredFromMemory() {
        Graph graph = new Graph(5);
        SiteFingerprints fingerprints = loaded(graph, 10, 2);

        assertThat(graph.pagesAfter).containsExactly("", "site-2", "site-4");
        assertThat(fingerprints.isHeld()).isTrue();
        assertThat(fingerprints.known(List.of("site-1", "site-5", "site-9"), graph::lookup))
                .containsExactlyInAnyOrderEntriesOf(Map.of("site-1", 7L, "site-5", 35L));
        assertThat(graph.lookups).isEmpty();
    }

    @Test
    void aWrittenSiteIsKnownWithItsNewFingerprint() {
        Graph graph = new Graph(3);
        SiteFingerprints fingerprints = loaded(graph, 10, 100);

        fingerprints.written("site-9", 99L);
        fingerprints.written("site-1", 11L);

        assertThat(fingerprints.known(List.of("site-1", "site-9"), graph::lookup))
                .containsExactlyInAnyOrderEntriesOf(Map.of("site-1", 11L, "site-9", 99L));
        assertThat(graph.lookups).isEmpty();
    }

    @Test
    void aGraphWithMoreSitesThanTheCapacityIsAskedBatchByBatch() {
        Graph graph = new Graph(5);
        SiteFingerprints fingerprints = loaded(graph, 3, 2);

        assertThat(fingerprints.isHeld()).isFalse();
        assertThat(fingerprints.known(List.of("site-4", "site-8"), graph::lookup)).containsOnlyKeys("site-4");
        assertThat(graph.lookups).containsExactly(List.of("site-4", "site-8"));
    }

    @Test
    void writingPastTheCapacityLetsGoOfEverythingHeld() {
        Graph graph = new Graph(2);
        SiteFingerprints fingerprints = loaded(graph, 3, 10);
        fingerprints.written("site-3", 21L);
        assertThat(fingerprints.isHeld()).isTrue();

        fingerprints.written("site-4", 28L);

        assertThat(fingerprints.isHeld()).isFalse();
        graph.sites.put("site-4", 28L); // what the writer has just created
        assertThat(fingerprints.known(List.of("site-4"), graph::lookup)).containsEntry("site-4", 28L);
        assertThat(graph.lookups).hasSize(1);
    }

    @Test
    void beforeItIsLoadedNothingIsHeldAndTheGraphIsAsked() {
        Graph graph = new Graph(1);
        SiteFingerprints fingerprints = new SiteFingerprints(10);
        assertThat(fingerprints.known(List.of("site-1"), graph::lookup)).containsEntry("site-1", 7L);
        assertThat(graph.lookups).hasSize(1);
    }
}
