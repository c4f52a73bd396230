package fr.santegraph.search;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.catalogue.CatalogueGraph;
import fr.santegraph.catalogue.GeoLevel;
import fr.santegraph.common.PageRequest;
import fr.santegraph.dataset.EtalabCartographyImporter;
import fr.santegraph.indicator.DreesIndicatorImporter;
import fr.santegraph.ingest.ImportSummary;
import fr.santegraph.catalogue.ProducerDirectory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Not part of the test suite (excluded by name). Run with
 * {@code mvn -B test -Dtest=CatalogueBenchmark -Dsurefire.excludes=none}: loads the Etalab map and the full
 * DREES index into an empty graph, then times typical searches and filtered GraphQL queries and prints the
 * import times and the median and 99th percentile latencies.
 */
class CatalogueBenchmark extends ScratchGraphTest {

    private static final int RUNS = 200;

    @Autowired
    EtalabCartographyImporter etalab;
    @Autowired
    DreesIndicatorImporter drees;
    @Autowired
    SearchService search;
    @Autowired
    HttpGraphQlTester graphQl;

    @Test
    void importAndSearch() {
        long start = System.nanoTime();
        ImportSummary etalabSummary = etalab.importDirectory(CatalogueGraph.etalabFolder(), ProducerDirectory.bundled());
        long afterEtalab = System.nanoTime();
        ImportSummary dreesSummary = drees.importDirectory(CatalogueGraph.dreesFolder(), ProducerDirectory.bundled());
        long end = System.nanoTime();
        System.out.printf("%nIMPORT etalab-2014: %d rows in %.1f s%n", etalabSummary.read(), (afterEtalab - start) / 1e9);
        System.out.printf("IMPORT drees-indicators: %d rows in %.1f s%n", dreesSummary.read(), (end - afterEtalab) / 1e9);
        System.out.printf("IMPORT total: %.1f s (target < 30 s)%n", (end - start) / 1e9);

        List<String> queries = List.of("cancer", "hospitalisations", "mortalité cancer", "santé mentale", "médecins généralistes",
                "dépistage", "CNAMTS", "personnes âgées dépendance", "diabete", "urgences");
        List<Double> searchMillis = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            String query = queries.get(run % queries.size());
            searchMillis.add(time(() -> search.search(query, null, null, new PageRequest(0, 20))));
        }
        report("search (10 typical queries, page of 20, facets)", searchMillis.subList(queries.size(), searchMillis.size()));

        List<Double> filtered = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            filtered.add(time(() -> search.search("taux", null,
                    new SearchService.Filter(List.of("cnam"), null, List.of(GeoLevel.DEPARTMENT), null, null), new PageRequest(0, 20))));
        }
        report("search 'taux' filtered by producer and level", filtered.subList(10, filtered.size()));

        List<Double> graphql = new ArrayList<>();
        for (int run = 0; run < RUNS / 2; run++) {
            graphql.add(time(() -> graphQl.document("""
                    { indicators(filter: {producer: "cnam", geoLevel: DEPARTMENT}, first: 20) {
                        totalCount nodes { name producers { code } sourceDatasets { code } dataService { code } themes { code } } } }
                    """).execute().path("indicators.totalCount").entity(Long.class).get()));
        }
        report("GraphQL indicators(filter) over HTTP with 4 batched relations", graphql.subList(10, graphql.size()));
    }

    private static double time(Supplier<?> action) {
        long start = System.nanoTime();
        Object result = action.get();
        if (result == null) {
            throw new IllegalStateException("no result");
        }
        return (System.nanoTime() - start) / 1e6;
    }

    private static void report(String name, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double median = sorted.get(sorted.size() / 2);
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        System.out.printf("LATENCY %s: median %.1f ms, p99 %.1f ms over %d runs%n", name, median, p99, sorted.size());
    }

}
