package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.territory.TerritoryImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * A territory's practitioners over successive extractions, from the history the refreshes keep: at each date the
 * trend gives exactly who the list showed right after that import, and its arrivals and departures are the
 * differences between those lists — over three extractions, one of which drops a practitioner and adds another.
 */
class PractitionerTrendTest extends ScratchGraphTest {

    @Autowired
    PractitionerImporter importer;
    @Autowired
    TerritoryImporter territories;
    @Autowired
    HttpGraphQlTester graphQl;
    @TempDir
    Path dir;

    /** Who the practitioners list shows now, in a territory, for a profession (or all). */
    private Set<String> listed(String territory, String profession) {
        Map<String, Object> filter = new HashMap<>(Map.of("territory", territory));
        if (profession != null) {
            filter.put("profession", profession);
        }
        return new HashSet<>(graphQl.documentName("practitionerIds").variable("filter", filter)
                .execute().path("practitioners.nodes[*].nationalId").entityList(String.class).get());
    }

    /** The third extraction: the second without its last practitioner, with a new one at the first one's site. */
    private Path thirdExtraction() throws Exception {
        List<String> lines = Files.readAllLines(PractitionerRefreshTest.REFRESH_B, StandardCharsets.UTF_8);
        List<String> header = RppsLines.fields(lines.get(0));
        int id = header.indexOf("Identification nationale PP");
        String last = RppsLines.fields(lines.get(lines.size() - 1)).get(id);
        List<String> third = new ArrayList<>(lines.stream().filter(l -> !RppsLines.fields(l).get(id).equals(last)).toList());
        List<String> newcomer = RppsLines.fields(lines.get(1));
        newcomer.set(id, "810099999999");
        newcomer.set(header.indexOf("Identifiant PP"), "10099999999");
        newcomer.set(header.indexOf("Nom d'exercice"), "NOUVEAU");
        third.add(String.join("|", newcomer) + "|");
        Path file = dir.resolve("PS_LibreAcces_Personne_activite_202403150900.txt");
        Files.write(file, third, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void eachPointIsWhoTheListShowedAfterThatImportAndTheChangesBetweenThem() throws Exception {
        territories.importDirectory(PractitionerRefreshTest.FIXTURES.resolve("territories"));
        List<Path> extractions = List.of(PractitionerRefreshTest.REFRESH_A, PractitionerRefreshTest.REFRESH_B, thirdExtraction());
        Map<String, List<Set<String>>> snapshots = new HashMap<>();
        List<String> professions = new ArrayList<>();
        professions.add(null);
        professions.add("10");
        for (Path extraction : extractions) {
            importer.run(ImportRequest.of("practitioners", "file", extraction.toString(),
                    "max-retired-share", PractitionerRefreshTest.TINY_FIXTURES));
            for (String profession : professions) {
                snapshots.computeIfAbsent(String.valueOf(profession), k -> new ArrayList<>()).add(listed("department:01", profession));
            }
        }
        for (String profession : professions) {
            List<Set<String>> lists = snapshots.get(String.valueOf(profession));
            Map<String, Object> variables = new HashMap<>(Map.of("code", "01", "level", "DEPARTMENT"));
            variables.put("profession", profession);
            var request = graphQl.documentName("practitionerTrend");
            for (var entry : variables.entrySet()) {
                request = request.variable(entry.getKey(), entry.getValue());
            }
            List<Map<String, Object>> trend = request.execute().path("territory.practitionerTrend")
                    .entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
            assertThat(trend).extracting(p -> p.get("date")).containsExactly("2024-01-15", "2024-02-15", "2024-03-15");
            for (int i = 0; i < 3; i++) {
                assertThat(trend.get(i).get("active")).as("%s at %d", profession, i).isEqualTo(lists.get(i).size());
                if (i == 0) {
                    assertThat(trend.get(i).get("arrivals")).isNull();
                    continue;
                }
                Set<String> arrived = new HashSet<>(lists.get(i));
                arrived.removeAll(lists.get(i - 1));
                Set<String> left = new HashSet<>(lists.get(i - 1));
                left.removeAll(lists.get(i));
                assertThat(trend.get(i).get("arrivals")).as("%s arrivals at %d", profession, i).isEqualTo(arrived.size());
                assertThat(trend.get(i).get("departures")).as("%s departures at %d", profession, i).isEqualTo(left.size());
            }
            if (profession == null) {
                // The third extraction dropped one practitioner and added one: both show.
                assertThat((Integer) trend.get(2).get("arrivals")).isPositive();
                assertThat((Integer) trend.get(2).get("departures")).isPositive();
            }
        }
        // The third extraction changed something, and the trend saw it.
        List<Set<String>> all = snapshots.get("null");
        assertThat(all.get(2)).isNotEqualTo(all.get(1)).contains("810099999999");

        graphQl.documentName("practitionerTrend").variable("code", "01").variable("level", "DEPARTMENT").variable("last", 1).execute()
                .path("territory.practitionerTrend[*].date").entityList(String.class).containsExactly("2024-03-15");
        graphQl.documentName("practitionerTrend").variable("code", "01").variable("level", "DEPARTMENT").variable("last", 0).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("last must be between 1 and 120")));
        graphQl.documentName("practitionerTrend").variable("code", "01").variable("level", "DEPARTMENT")
                .variable("profession", "99").execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("unknown profession code '99'")));
    }
}
