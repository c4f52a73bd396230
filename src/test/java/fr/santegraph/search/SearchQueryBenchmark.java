package fr.santegraph.search;

import fr.santegraph.IntegrationTest;
import fr.santegraph.catalogue.CatalogueGraph;
import fr.santegraph.common.PageRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * Where a catalogue search's time goes: the fulltext call alone, then with the parts of the search statement added one
 * at a time, then the service's search, then the same over HTTP, over the words of
 * {@code bench/latency.py --kind catalogue-search}, on the real catalogue.
 * Run: {@code mvn -B test -Dtest=SearchQueryBenchmark -Dsurefire.excludes=none}.
 */
@IntegrationTest
class SearchQueryBenchmark {

    private static final List<String> WORDS = List.of("mortalite", "hopital", "medicaments", "cancer", "vaccination",
            "urgences", "naissances", "psychiatrie", "pollution", "assurance maladie", "taux de recours",
            "densite medecins", "mortalité infantile", "hôpitaux", "dépistage du cancer du sein", "santé mentale",
            "ehpad", "médecins généralistes", "qualité de l'eau", "suicide");

    @Autowired
    CatalogueGraph catalogue;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    SearchService search;
    @LocalServerPort
    int port;

    @Test
    void whereTheSearchStatementSpendsItsTime() {
        catalogue.load();
        String call = "CALL db.index.fulltext.queryNodes('catalogue_search', $query) YIELD node, score\n";
        Map<String, String> variants = new LinkedHashMap<>();
        variants.put("fulltext call, count only", call + "RETURN count(*) AS total");
        variants.put("+ labels, collect", call + """
                WITH node, score, [l IN labels(node) WHERE l IN ['Indicator', 'Dataset', 'DataService', 'Producer', 'Variable']][0] AS label
                WITH collect({node: node, score: score, label: label}) AS hits
                RETURN size(hits) AS total, [h IN hits[0..20] | properties(h.node)] AS page""");
        variants.put("+ order by score, id", call + """
                WITH node, score, [l IN labels(node) WHERE l IN ['Indicator', 'Dataset', 'DataService', 'Producer', 'Variable']][0] AS label
                ORDER BY score DESC, node.id
                WITH collect({node: node, score: score, label: label}) AS hits
                RETURN size(hits) AS total, [h IN hits[0..20] | properties(h.node)] AS page""");
        variants.put("+ exact bonus (as served, no filter)", call + """
                WITH node, score, [l IN labels(node) WHERE l IN ['Indicator', 'Dataset', 'DataService', 'Producer', 'Variable']][0] AS label
                WITH node, label, score + CASE WHEN $exact IN coalesce(node.foldedNames, []) OR node.code = $slug
                                                 OR node.sortName = $folded THEN 100.0 ELSE 0.0 END AS score
                ORDER BY score DESC, node.id
                WITH collect({node: node, score: score, label: label}) AS hits
                RETURN size(hits) AS total, [h IN hits[0..20] | properties(h.node)] AS page""");
        variants.put("+ the filters, none given (as served)",
                SearchService.MATCHES.formatted(SearchService.DEFAULT_ORDER.cypher()) + SearchService.PAGE);
        // The peer's statement (bench/neo4j-graphql/typeDefs.graphql): the same hits, four values each.
        variants.put("the peer's statement (id, name per hit)", call + """
                WITH node, [l IN labels(node) WHERE l IN ['Indicator', 'Dataset', 'DataService', 'Producer', 'Variable']][0] AS label,
                     score + CASE WHEN $exact IN coalesce(node.foldedNames, []) OR node.code = $slug OR node.sortName = $folded
                                  THEN 100.0 ELSE 0.0 END AS score
                ORDER BY score DESC, node.id
                WITH collect({type: label, id: node.id, name: coalesce(node.name, node.title), score: score}) AS hits
                RETURN size(hits) AS total, hits[0..20] AS page""");
        for (int round = 0; round < 2; round++) {
            for (var variant : variants.entrySet()) {
                List<Long> times = new ArrayList<>();
                long hits = 0;
                for (int repeat = 0; repeat < 5; repeat++) {
                    for (String word : WORDS) {
                        Map<String, Object> parameters = new HashMap<>();
                        parameters.put("query", SearchService.luceneQuery(word));
                        parameters.put("exact", word);
                        parameters.put("slug", word);
                        parameters.put("folded", word);
                        parameters.put("offset", 0);
                        parameters.put("end", 20);
                        for (String filter : List.of("labels", "producers", "themes", "geoLevels", "accessLevels", "datasets")) {
                            parameters.put(filter, null);
                        }
                        long start = System.nanoTime();
                        Map<String, Object> row = neo4j.query(variant.getValue()).bindAll(parameters).fetch().one().orElseThrow();
                        times.add(System.nanoTime() - start);
                        hits += ((Number) row.get("total")).longValue();
                    }
                }
                times.sort(Long::compare);
                if (round == 1) {
                    System.out.printf("%-40s p50 %6.2f ms  p90 %6.2f ms  (%d hits per pass)%n", variant.getKey(),
                            times.get(times.size() / 2) / 1e6, times.get(times.size() * 9 / 10) / 1e6, hits / 5);
                }
            }
        }
        List<Long> served = new ArrayList<>();
        for (int repeat = 0; repeat < 6; repeat++) {
            for (String word : WORDS) {
                long start = System.nanoTime();
                search.search(word, List.of(), null, null, new PageRequest(0, 20), false, false);
                if (repeat > 0) {
                    served.add(System.nanoTime() - start);
                }
            }
        }
        served.sort(Long::compare);
        System.out.printf("%-40s p50 %6.2f ms  p90 %6.2f ms%n", "SearchService.search (no facets)",
                served.get(served.size() / 2) / 1e6, served.get(served.size() * 9 / 10) / 1e6);
        HttpClient client = HttpClient.newHttpClient();
        String document = "query Search($q: String!) { search(query: $q, first: 20) { totalCount nodes { score type "
                + "node { ... on Indicator { id name } ... on Dataset { id title } ... on DataService { id title } "
                + "... on Producer { id name } ... on Variable { id name } } } } }";
        List<Long> http = new ArrayList<>();
        for (int repeat = 0; repeat < 6; repeat++) {
            for (String word : WORDS) {
                String body = "{\"query\": \"" + document + "\", \"variables\": {\"q\": \"" + word + "\"}}";
                var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/graphql"))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
                long start = System.nanoTime();
                try {
                    var response = client.send(request, HttpResponse.BodyHandlers.ofString());
                    if (response.body().contains("errors")) {
                        throw new IllegalStateException(response.body());
                    }
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                if (repeat > 0) {
                    http.add(System.nanoTime() - start);
                }
            }
        }
        http.sort(Long::compare);
        System.out.printf("%-40s p50 %6.2f ms  p90 %6.2f ms%n", "POST /graphql (no facets)",
                http.get(http.size() / 2) / 1e6, http.get(http.size() * 9 / 10) / 1e6);
    }
}
