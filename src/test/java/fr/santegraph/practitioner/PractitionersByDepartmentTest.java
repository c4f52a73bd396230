package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.Pagination;
import fr.santegraph.common.SortDirection;
import fr.santegraph.ingest.SourceImported;
import fr.santegraph.support.CypherCounter;
import fr.santegraph.practitioner.PractitionerFilter.PractitionerGrouping;
import fr.santegraph.territory.TerritoryLevel;
import fr.santegraph.territory.TerritoryService;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * Practitioners of a profession in a département or region are found through their activities' département (by
 * index): the same practitioners and counts as the walk down the territory to the sites located there.
 */
class PractitionersByDepartmentTest extends ScratchGraphTest {

    private static final List<String> TERRITORIES = List.of("department:01", "department:02", "department:25",
            "department:62", "region:84", "region:32", "region:27");

    /** The practitioners located inside a territory, walked down PART_OF from it, independently of the service. */
    private static final String WALKED = """
            MATCH (:Territory {id: $territory})<-[:PART_OF*0..3]-(x:Territory)<-[:LOCATED_IN]-(:Site)
                  <-[:AT_SITE]-(a:Activity {active: true, professionCode: $profession})<-[:HAS_ACTIVITY]-(p:Practitioner {active: true})
            RETURN count(DISTINCT p)
            """;

    @Autowired
    GeneratedPractitioners generated;
    @Autowired
    PractitionerService service;
    @Autowired
    PractitionerLists lists;
    @Autowired
    Pagination pagination;
    @Autowired
    CypherCounter cypher;
    @Autowired
    TerritoryService territories;

    @Autowired
    HttpGraphQlTester graphQl;

    @BeforeEach
    void importGeneratedPractitioners(@TempDir Path dir) throws Exception {
        generated.importInto(dir, 1500, 11);
        graphQl = graphQl.mutate().header("X-API-Key", "test-institution-key").build();
    }

    private long walked(String territory, String profession) {
        return neo4j.query(WALKED).bind(territory).to("territory").bind(profession).to("profession")
                .fetchAs(Long.class).one().orElseThrow();
    }

    private List<String> professions() {
        return neo4j.query("MATCH (a:Activity) RETURN DISTINCT a.professionCode ORDER BY a.professionCode")
                .fetchAs(String.class).all().stream().toList();
    }

    private static List<String> page(CountedConnection<Practitioner> connection) {
        List<String> page = new ArrayList<>();
        connection.getEdges().forEach(edge -> page.add(edge.getCursor().getValue() + " " + edge.getNode().id()));
        page.add("total " + connection.getTotalCount() + ", next " + connection.getPageInfo().isHasNextPage());
        return page;
    }

    @Test
    void theKeptListsAnswerEveryProfessionAndTerritoryAsCypherDoes() {
        PractitionerService cypherOnly = new PractitionerService(neo4j, pagination, territories,
                new PractitionerLists(neo4j, false, Duration.ZERO, 0));
        List<String> professions = professions();
        long compared = 0;
        for (String territory : TERRITORIES) {
            for (String profession : professions) {
                PractitionerFilter filter = new PractitionerFilter(profession, null, null, territory, null, null, null,
                        null, false);
                for (SortDirection direction : SortDirection.values()) {
                    PractitionerOrder order = new PractitionerOrder(PractitionerOrder.Field.NAME, direction);
                    for (PageRequest request : direction == SortDirection.DESC ? List.of(new PageRequest(3, 7))
                            : List.of(new PageRequest(0, 7), new PageRequest(5, 7))) {
                        List<String> kept = page(service.find(filter, order, request, true));
                        assertThat(kept).as("%s %s %s %s", territory, profession, direction, request)
                                .isEqualTo(page(cypherOnly.find(filter, order, request, true)));
                        compared += kept.size() - 1;
                    }
                }
                for (TerritoryLevel level : Arrays.asList(null, TerritoryLevel.EPCI)) {
                    assertThat(service.counts(territory, PractitionerGrouping.PROFESSION, level, filter))
                            .as("counts %s %s per %s", territory, profession, level)
                            .isEqualTo(cypherOnly.counts(territory, PractitionerGrouping.PROFESSION, level, filter));
                }
            }
        }
        assertThat(compared).as("practitioners compared").isGreaterThan(1_000);
        assertThat(service.find(new PractitionerFilter("10", null, null, "department:01", null, null, null, null, false),
                null, new PageRequest(1_000, 7), true).getEdges()).as("past the end").isEmpty();
        // One per profession and set of départements with someone in it: in the fixture territories regions 84, 32
        // and 27 hold only départements 01, 02 + 62 and 25, so five sets.
        long nonEmpty = neo4j.query("""
                        MATCH (a:Activity {active: true})<-[:HAS_ACTIVITY]-(:Practitioner {active: true})
                        WHERE a.departmentCode IN ['01', '02', '25', '62']
                        RETURN count(DISTINCT [a.professionCode, a.departmentCode]) + count(DISTINCT CASE
                          WHEN a.departmentCode IN ['02', '62'] THEN a.professionCode END)""")
                .fetchAs(Long.class).one().orElseThrow();
        assertThat(lists.kept()).as("lists read and kept").isEqualTo(nonEmpty).isGreaterThan(20);
        PractitionerFilter unknown = new PractitionerFilter("999", null, null, "department:01", null, null, null, null, false);
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> service.find(unknown, null, new PageRequest(0, 5), true))
                    .isInstanceOf(InvalidArgumentException.class).hasMessageContaining("unknown profession code '999'");
            assertThatThrownBy(() -> service.counts("department:01", PractitionerGrouping.PROFESSION,
                    TerritoryLevel.EPCI, unknown)).isInstanceOf(InvalidArgumentException.class);
        }
        assertThat(lists.kept()).as("made-up codes are not kept").isEqualTo(nonEmpty);
    }

    @Test
    void fiftyRequestsAskingAListNotYetKeptReadItOnce() throws Exception {
        PractitionerFilter filter = new PractitionerFilter("10", null, null, "region:32", null, null, null, null, false);
        int requests = 50;
        ExecutorService pool = Executors.newFixedThreadPool(requests);
        CountDownLatch start = new CountDownLatch(1);
        List<Long> totals = new ArrayList<>();
        try {
            long statements = cypher.count(() -> {
                List<Future<Long>> asked = new ArrayList<>();
                for (int i = 0; i < requests; i++) {
                    PageRequest page = new PageRequest(i % 5, 3);
                    asked.add(pool.submit(() -> {
                        start.await();
                        return service.find(filter, null, page, true).getTotalCount();
                    }));
                }
                start.countDown();
                for (Future<Long> total : asked) {
                    try {
                        totals.add(total.get(60, TimeUnit.SECONDS));
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                }
            });
            // The graph's version and the list read once, then one page read per request.
            assertThat(statements).isEqualTo(2 + requests);
        } finally {
            pool.shutdownNow();
        }
        assertThat(totals).hasSize(requests).containsOnly(walked("region:32", "10"));
    }

    private long total(PractitionerLists lists) {
        return lists.page("10", List.of("01"), 0, 1, false).orElseThrow().total();
    }

    private void retireOneDoctorOfTheAin() {
        neo4j.query("""
                MATCH (a:Activity {professionCode: '10', departmentCode: '01', active: true})<-[:HAS_ACTIVITY]-(p)
                WITH p LIMIT 1 SET p.active = false""").run();
    }

    @Test
    void aListKeptIsReadAgainAfterAnImportAndBeforeItIsAskedAgain() throws Exception {
        long before = total(lists);
        assertThat(before).isGreaterThan(10);
        retireOneDoctorOfTheAin();
        assertThat(total(lists)).as("kept until the graph version changes").isEqualTo(before);

        lists.sourceImported(new SourceImported(SourceImported.PRACTITIONERS, true));
        // Read again in the background, the most asked of the previous generation first.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (lists.kept() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(lists.kept()).as("read again before anyone asked").isEqualTo(1);
        assertThat(total(lists)).isEqualTo(before - 1);
    }

    @Test
    void aChangeByAnotherProcessIsSeenAtTheNextCheckAndTheLeastRecentlyAskedListsAreDroppedPastTheBudget() {
        PractitionerLists checkedAlways = new PractitionerLists(neo4j, true, Duration.ZERO, 1);
        long before = total(checkedAlways);
        retireOneDoctorOfTheAin();
        neo4j.query("MERGE (v:DataVersion {id: 'practitioners'}) SET v.version = randomUUID()").run();
        assertThat(total(checkedAlways)).isEqualTo(before - 1);

        assertThat(checkedAlways.kept()).isEqualTo(1);
        checkedAlways.page("10", List.of("02"), 0, 1, false);
        assertThat(checkedAlways.kept()).as("one practitioner at most: the older list dropped").isEqualTo(1);
        assertThat(checkedAlways.page("10", List.of("01"), 0, 1, false).orElseThrow().total()).isEqualTo(before - 1);
        assertThat(new PractitionerLists(neo4j, false, Duration.ZERO, 10).page("10", List.of("01"), 0, 1, false))
                .as("lists off").isEmpty();
    }

    @Test
    void aProfessionInADepartmentOrRegionListsThePractitionersWhoseSitesLieThere() {
        List<String> professions = professions();
        assertThat(professions).hasSizeGreaterThan(3);
        long compared = 0;
        for (String territory : TERRITORIES) {
            for (String profession : professions) {
                long expected = walked(territory, profession);
                long found = graphQl.documentName("practitionersPage")
                        .variable("filter", Map.of("territory", territory, "profession", profession)).variable("first", 5)
                        .execute()
                        .path("practitioners.totalCount").entity(Long.class).get();
                assertThat(found).as(territory + " " + profession).isEqualTo(expected);
                compared += expected;
            }
        }
        assertThat(compared).as("practitioners found over all territories and professions").isGreaterThan(500);
    }

    @Test
    void countsOfAProfessionPerEpciOfADepartmentAddUpToThePractitionersLocatedThere() {
        for (String territory : List.of("department:01", "department:62")) {
            String code = territory.substring("department:".length());
            List<Map<String, Object>> perEpci = graphQl.documentName("practitionerCounts")
                    .variable("code", code).variable("level", "DEPARTMENT").variable("groupBy", "PROFESSION")
                    .variable("per", "EPCI").variable("profession", "10")
                    .execute().path("territory.practitionerCounts").entityList(Map.class).get()
                    .stream().map(m -> (Map<String, Object>) m).toList();
            assertThat(perEpci).isNotEmpty().allSatisfy(count -> assertThat(count).containsEntry("code", "10"));
            for (Map<String, Object> count : perEpci) {
                String epci = (String) ((Map<?, ?>) count.get("territory")).get("id");
                long located = neo4j.query("""
                                MATCH (:Territory {id: $epci})<-[:MEMBER_OF]-(c:Territory)<-[:PART_OF*0..1]-(x:Territory)
                                      <-[:LOCATED_IN]-(s:Site {departmentCode: $department})<-[:AT_SITE]-
                                      (a:Activity {active: true, professionCode: '10'})<-[:HAS_ACTIVITY]-(p:Practitioner {active: true})
                                RETURN count(DISTINCT p)
                                """).bind(epci).to("epci").bind(code).to("department")
                        .fetchAs(Long.class).one().orElseThrow();
                assertThat(((Number) count.get("count")).longValue()).as(epci).isEqualTo(located);
            }
        }
    }
}
