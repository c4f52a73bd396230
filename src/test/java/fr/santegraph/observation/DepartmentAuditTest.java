package fr.santegraph.observation;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.IntegrationTest;
import fr.santegraph.RealGraph;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The audit end to end on real territories: every commune of Lozère with its EPCIs (some reaching into the
 * neighbouring départements), the département and its region, a year and its quarters, a count indicator and a
 * rate with its numerator and denominator — imported as a producer would publish them, read back as an anonymous
 * caller through GraphQL, and bounded by the attacker's linear programs.
 */
@IntegrationTest
class DepartmentAuditTest {

    private static final List<String> PERIODS = List.of("2023", "2023-Q1", "2023-Q2", "2023-Q3", "2023-Q4");

    @Autowired
    RealGraph realGraph;
    @Autowired
    Neo4jClient neo4j;
    @Autowired
    ObservationImporter observations;
    @Autowired
    HttpGraphQlTester graphQl;
    @TempDir
    Path dir;

    @BeforeEach
    void indicators() {
        realGraph.territories();
        neo4j.query("""
                UNWIND ['audit-stays', 'audit-rate'] AS code
                CREATE (:Indicator {id: 'indicator:' + code, code: code, name: code})""").run();
    }

    @AfterEach
    void removeThem() {
        neo4j.query("""
                MATCH (i:Indicator) WHERE i.code IN ['audit-stays', 'audit-rate']
                OPTIONAL MATCH (o:Observation)-[:OF_INDICATOR]->(i)
                DETACH DELETE o, i""").run();
    }

    @Test
    void noMaskedCountOfADepartmentCubeCanBeNarrowedBelowThreeValues() throws Exception {
        Path file = generate(new Random(48));
        var summary = observations.importFile(file);
        assertThat(summary.rejected()).isZero();
        assertThat(summary.counter("counts masked as small")).as("small counts in the cube").isGreaterThan(100);

        for (String indicator : List.of("audit-stays", "audit-rate")) {
            AnonymousAnswers answers = new AnonymousAnswers(graphQl, neo4j, indicator, false);
            var bounds = answers.bounds();
            assertThat(bounds).as(indicator + ": masked cells").isNotEmpty();
            assertThat(bounds.entrySet()).as(indicator + ": cells the caller can narrow below three values")
                    .filteredOn(e -> e.getValue().wholeValues() < 3).isEmpty();
        }
    }

    /**
     * Counts per commune and quarter of Lozère and of the communes its EPCIs share with other départements; the
     * published file lists Lozère's communes, the EPCIs, the département and the region (whose other départements
     * add an unpublished remainder). The rate's denominator is a population: large, never small.
     */
    private Path generate(Random random) throws Exception {
        Map<String, List<String>> epciMembers = new HashMap<>();
        List<String> lozere = new ArrayList<>();
        neo4j.query("""
                        MATCH (c:Commune {active: true})-[:PART_OF]->(:Department {code: '48'})
                        OPTIONAL MATCH (c)-[:MEMBER_OF]->(e:Epci)
                        OPTIONAL MATCH (e)<-[:MEMBER_OF]-(m:Commune {active: true})
                        RETURN c.id AS commune, e.id AS epci, collect(m.id) AS members ORDER BY commune""")
                .fetch().all().forEach(row -> {
                    lozere.add((String) row.get("commune"));
                    if (row.get("epci") != null) {
                        epciMembers.put((String) row.get("epci"), ((List<?>) row.get("members")).stream()
                                .map(String::valueOf).toList());
                    }
                });
        Map<String, long[]> stays = new HashMap<>();
        Map<String, long[]> population = new HashMap<>();
        List<String> everyCommune = new ArrayList<>(lozere);
        epciMembers.values().forEach(members -> members.stream().filter(m -> !everyCommune.contains(m)).forEach(everyCommune::add));
        for (String commune : everyCommune) {
            double size = Math.exp(random.nextGaussian() * 1.3 + 1.8);
            long[] quarters = new long[4];
            long[] people = new long[4];
            for (int q = 0; q < 4; q++) {
                quarters[q] = Math.max(0, Math.round(size * (0.5 + random.nextDouble())));
                people[q] = 200 + Math.round(size * 150);
            }
            stays.put(commune, quarters);
            population.put(commune, people);
        }
        StringBuilder csv = new StringBuilder("indicator,territory,period,value,unit,numerator,denominator,kind\n");
        Map<String, List<String>> published = new LinkedHashMap<>();
        lozere.forEach(c -> published.put(c, List.of(c)));
        epciMembers.forEach(published::put);
        published.put("department:48", lozere);
        for (Map.Entry<String, List<String>> territory : published.entrySet()) {
            long[] count = sum(territory.getValue(), stays);
            long[] people = sum(territory.getValue(), population);
            writeRows(csv, territory.getKey(), count, people);
        }
        long[] department = sum(lozere, stays);
        long[] remainder = {4000, 4200, 3900, 4100};
        long[] region = new long[4];
        long[] regionPeople = new long[4];
        long[] departmentPeople = sum(lozere, population);
        for (int q = 0; q < 4; q++) {
            region[q] = department[q] + remainder[q];
            regionPeople[q] = departmentPeople[q] + 900_000;
        }
        writeRows(csv, "region:76", region, regionPeople);
        Path file = dir.resolve("lozere.csv");
        Files.writeString(file, csv);
        return file;
    }

    private static long[] sum(List<String> communes, Map<String, long[]> values) {
        long[] total = new long[4];
        for (String commune : communes) {
            for (int q = 0; q < 4; q++) {
                total[q] += values.get(commune)[q];
            }
        }
        return total;
    }

    private static void writeRows(StringBuilder csv, String territory, long[] quarters, long[] people) {
        long year = 0;
        long yearPeople = 0;
        for (int q = 0; q < 4; q++) {
            year += quarters[q];
            yearPeople += people[q];
        }
        for (String period : PERIODS) {
            int q = period.contains("-Q") ? Integer.parseInt(period.substring(6)) - 1 : -1;
            long count = q < 0 ? year : quarters[q];
            long denominator = q < 0 ? yearPeople : people[q];
            csv.append("audit-stays,").append(territory).append(',').append(period).append(',').append(count)
                    .append(",séjours,,,count\n");
            csv.append("audit-rate,").append(territory).append(',').append(period).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", 1000.0 * count / denominator))
                    .append(",pour 1 000,").append(count).append(',').append(denominator).append(",ratio\n");
        }
    }
}
