package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.territory.TerritoryImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The practitioner list in the orders a front-end shows: by name in French order (accents, case and Œ folded, where
 * code point order puts "Hélène" after "Henri" and "ŒDIPE" after "OLIVIER") and by the commune of their practice,
 * either way, with those without a site last, and pages that follow one another without overlap.
 */
class PractitionerOrderTest extends ScratchGraphTest {

    @Autowired
    PractitionerImporter importer;
    @Autowired
    TerritoryImporter territories;
    @Autowired
    HttpGraphQlTester graphQl;
    @TempDir
    Path dir;

    @BeforeEach
    void importFivePractitioners() throws Exception {
        territories.importDirectory(PractitionerRefreshTest.FIXTURES.resolve("territories"));
        List<String> published = Files.readAllLines(PublishedExtractionTest.ACTIVITIES, StandardCharsets.UTF_8);
        List<String> header = RppsLines.fields(published.get(0));
        String template = published.get(1);
        List<String> lines = new ArrayList<>(List.of(published.get(0)));
        lines.add(line(header, template, "810000000011", "DUPONT", "Henri", "01004", "Ambérieu-en-Bugey"));
        lines.add(line(header, template, "810000000012", "OLIVIER", "Jeanne", "01241", "Meillonnas"));
        lines.add(line(header, template, "810000000013", "ÉTIENNE", "Zoé", "01004", "Ambérieu-en-Bugey"));
        lines.add(line(header, template, "810000000014", "ŒDIPE", "Jean", null, null));
        lines.add(line(header, template, "810000000015", "DUPONT", "Hélène", "01053", "Bourg-en-Bresse"));
        Path file = dir.resolve("PS_LibreAcces_Personne_activite_202404010900.txt");
        Files.write(file, lines, StandardCharsets.UTF_8);
        importer.run(ImportRequest.of("practitioners", "file", file.toString()));
    }

    /** The template line with another practitioner, at a site of its own in that commune (none: no site at all). */
    private static String line(List<String> header, String template, String nationalId, String lastName,
                               String firstName, String communeCode, String communeName) {
        List<String> fields = RppsLines.fields(template);
        set(fields, header, "Identification nationale PP", nationalId);
        set(fields, header, "Identifiant PP", nationalId.substring(1));
        set(fields, header, "Nom d'exercice", lastName);
        set(fields, header, "Prénom d'exercice", firstName);
        boolean sited = communeCode != null;
        set(fields, header, "Identifiant technique de la structure", sited ? "S" + nationalId : "");
        set(fields, header, "Numéro SIRET site", "");
        set(fields, header, "Numéro FINESS site", "");
        set(fields, header, "Code commune (coord. structure)", sited ? communeCode : "");
        set(fields, header, "Libellé commune (coord. structure)", sited ? communeName : "");
        set(fields, header, "Code postal (coord. structure)", sited ? "01000" : "");
        return String.join("|", fields) + "|";
    }

    private static void set(List<String> fields, List<String> header, String column, String value) {
        int index = header.indexOf(column);
        assertThat(index).as(column).isNotNegative();
        fields.set(index, value);
    }

    private List<String> names(Map<String, Object> orderBy) {
        return graphQl.documentName("practitionersOrdered").variable("orderBy", orderBy).execute()
                .path("practitioners.nodes[*]").entityList(Map.class).get().stream()
                .map(n -> n.get("lastName") + " " + n.get("firstName")).toList();
    }

    @Test
    void theDefaultOrderIsByLastNameThenFirstNameInFrenchOrder() {
        // Œ folds to oe: ŒDIPE before OLIVIER (by code point it would come after Z).
        List<String> expected = List.of("DUPONT Hélène", "DUPONT Henri", "ÉTIENNE Zoé", "ŒDIPE Jean", "OLIVIER Jeanne");
        assertThat(names(null)).containsExactlyElementsOf(expected);
        assertThat(names(Map.of("field", "NAME"))).containsExactlyElementsOf(expected);
        List<String> descending = new ArrayList<>(expected);
        Collections.reverse(descending);
        assertThat(names(Map.of("field", "NAME", "direction", "DESC"))).containsExactlyElementsOf(descending);
    }

    @Test
    void byCommuneTheCommuneOfTheirPracticeThenTheNameWithThoseWithoutASiteLastEitherWay() {
        assertThat(names(Map.of("field", "COMMUNE"))).containsExactly(
                "DUPONT Henri", "ÉTIENNE Zoé", "DUPONT Hélène", "OLIVIER Jeanne", "ŒDIPE Jean");
        assertThat(names(Map.of("field", "COMMUNE", "direction", "DESC"))).containsExactly(
                "OLIVIER Jeanne", "DUPONT Hélène", "ÉTIENNE Zoé", "DUPONT Henri", "ŒDIPE Jean");
    }

    @Test
    void pagesInAnOrderFollowOneAnotherWithoutOverlap() {
        Map<String, Object> byCommune = Map.of("field", "COMMUNE");
        List<String> walked = new ArrayList<>();
        String after = null;
        boolean more = true;
        while (more) {
            var response = graphQl.documentName("practitionersOrdered").variable("orderBy", byCommune)
                    .variable("first", 2).variable("after", after).execute();
            response.path("practitioners.totalCount").entity(Integer.class).isEqualTo(5);
            response.path("practitioners.nodes[*]").entityList(Map.class).get()
                    .forEach(n -> walked.add(n.get("lastName") + " " + n.get("firstName")));
            more = response.path("practitioners.pageInfo.hasNextPage").entity(Boolean.class).get();
            after = response.path("practitioners.pageInfo.endCursor").entity(String.class).get();
        }
        assertThat(walked).containsExactlyElementsOf(names(byCommune));
    }

    @Test
    void anUnknownOrderFieldIsRefusedNamingTheAllowedOnes() {
        graphQl.documentName("practitionersOrdered").variable("orderBy", Map.of("field", "AGE")).execute()
                .errors().satisfy(errors -> assertThat(errors).singleElement()
                        .satisfies(e -> assertThat(e.getMessage()).contains("AGE").contains("NAME").contains("COMMUNE")));
    }
}
