package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.territory.TerritoryImporter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/** GraphQL and GeoJSON over the refresh fixtures: unplaced practitioners per territory, retirement, relations. */
class PractitionerGraphQlTest extends ScratchGraphTest {

    @Autowired
    PractitionerImporter importer;
    @Autowired
    TerritoryImporter territories;
    @Autowired
    HttpGraphQlTester graphQl;
    @LocalServerPort
    int port;

    @BeforeEach
    void importRefresh() throws Exception {
        var fixtures = PractitionerRefreshTest.FIXTURES;
        territories.importDirectory(fixtures.resolve("territories"));
        importer.run(ImportRequest.of("practitioners", "file", PractitionerRefreshTest.REFRESH_A.toString()));
        importer.run(ImportRequest.of("practitioners", "file", PractitionerRefreshTest.REFRESH_B.toString(),
                "savoir-faire", fixtures.resolve("refresh-b/PS_LibreAcces_SavoirFaire_202402150900.txt").toString(),
                "diplomas", fixtures.resolve("refresh-b/PS_LibreAcces_Dipl_AutExerc_202402150900.txt").toString(),
                "geocoding", fixtures.resolve("refresh-b/geocoding.csv").toString(),
                "max-retired-share", PractitionerRefreshTest.TINY_FIXTURES));
    }

    private long epcisOfAin() {
        return count("MATCH (e:Epci)<-[:MEMBER_OF]-(:Commune {active: true})-[:PART_OF]->(:Department {code: '01'}) "
                + "RETURN count(DISTINCT e)");
    }

    private HttpGraphQlTester institution() {
        return graphQl.mutate().header("X-API-Key", "test-institution-key").build();
    }

    @Test
    void unplacedPractitionersAreCountedAndListedPerTerritory() {
        institution().documentName("practitionerCounts")
                .variable("code", "01").variable("level", "DEPARTMENT").variable("groupBy", "UNPLACED_REASON")
                .execute()
                .path("territory.practitionerCounts[*].code").entityList(String.class)
                .contains("NO_COMMUNE_CODE", "NOT_FOUND").hasSize(2)
                .path("territory.unplacedPractitioners.totalCount").entity(Integer.class).isEqualTo(2)
                .path("territory.unplacedPractitioners.nodes[*].nationalId").entityList(String.class)
                .containsExactly("810000000005", "810000000006");
        // Per EPCI only the site whose commune is known can be counted (Massieux, in CC Dombes Saône Vallée); every
        // other EPCI of Ain is listed with 0, so that a choropleth needs no join.
        institution().documentName("practitionerCounts")
                .variable("code", "01").variable("level", "DEPARTMENT").variable("groupBy", "UNPLACED_REASON")
                .variable("per", "EPCI")
                .execute()
                .path("territory.practitionerCounts").entityList(Map.class).satisfies(counts -> {
                    assertThat(counts).filteredOn(c -> !Integer.valueOf(0).equals(c.get("count"))).singleElement().satisfies(c -> {
                        assertThat(c.get("territory")).isEqualTo(Map.of("id", "epci:200042497", "name", "CC Dombes Saône Vallée"));
                        assertThat(c).containsEntry("code", "NOT_FOUND").containsEntry("count", 1);
                    });
                    assertThat(counts).extracting(c -> ((Map<?, ?>) c.get("territory")).get("id")).doesNotHaveDuplicates()
                            .hasSize((int) epcisOfAin());
                });
    }

    @Test
    void nodesFetchesSeveralPractitionersInOneQueryInTheOrderAsked() {
        graphQl.document("{ nodes(ids: [\"practitioner:810000000006\", \"practitioner:999\", \"practitioner:810000000005\"]) "
                        + "{ id } }").execute()
                .path("nodes[0].id").entity(String.class).isEqualTo("practitioner:810000000006")
                .path("nodes[1]").valueIsNull()
                .path("nodes[2].id").entity(String.class).isEqualTo("practitioner:810000000005");
    }

    @Test
    void filterListsOfProfessionsAndSpecialtiesComeWithTheirPractitionersMostFirst() {
        var response = graphQl.document("{ professions { profession { code name } practitioners } "
                + "specialties { specialty { code } practitioners } }").execute();
        List<Map<String, Object>> professions = response.path("professions").entityList(Map.class).get().stream()
                .map(m -> (Map<String, Object>) m).toList();
        assertThat(professions).hasSize((int) count("MATCH (x:Profession) RETURN count(x)")).isNotEmpty();
        assertThat(professions).extracting(m -> ((Number) m.get("practitioners")).longValue())
                .isSortedAccordingTo(Comparator.reverseOrder());
        for (Map<String, Object> row : professions) {
            String code = (String) ((Map<?, ?>) row.get("profession")).get("code");
            assertThat(((Number) row.get("practitioners")).longValue()).as(code).isEqualTo(count(
                    "MATCH (:Profession {code: '" + code + "'})<-[:HAS_PROFESSION]-(p:Practitioner {active: true}) RETURN count(p)"));
        }
        response.path("specialties[0].practitioners").entity(Integer.class).satisfies(n -> assertThat(n).isPositive());

        List<Map<String, Object>> modes = graphQl.document(
                        "{ modesOfPractice { modeOfPractice published { code label } practitioners } }").execute()
                .path("modesOfPractice").entityList(Map.class).get().stream().map(m -> (Map<String, Object>) m).toList();
        assertThat(modes).extracting(m -> m.get("modeOfPractice")).containsExactlyInAnyOrder("LIBERAL", "SALARIED", "VOLUNTEER");
        assertThat(modes).extracting(m -> ((Number) m.get("practitioners")).longValue())
                .isSortedAccordingTo(Comparator.reverseOrder());
        for (Map<String, Object> row : modes) {
            String code = (String) ((Map<?, ?>) row.get("published")).get("code");
            assertThat(((Number) row.get("practitioners")).longValue()).as(code).isEqualTo(count(
                    "MATCH (p:Practitioner {active: true})-[:HAS_ACTIVITY]->(a:Activity {active: true, modeCode: '" + code
                            + "'}) RETURN count(DISTINCT p)"));
        }
        assertThat(modes).anySatisfy(m -> assertThat(((Number) m.get("practitioners")).longValue()).isPositive());
    }

    @Test
    void anonymousCallersSeeTheSameExactCountsAsInstitutionsAndTheTotalMatchesTheList() {
        // The directory is public entry by entry: a masked total next to its two listed entries protected nothing.
        for (HttpGraphQlTester caller : List.of(graphQl, institution())) {
            caller.documentName("practitionerCounts")
                    .variable("code", "01").variable("level", "DEPARTMENT").variable("groupBy", "UNPLACED_REASON")
                    .execute()
                    .path("territory.practitionerCounts[*].count").entityList(Integer.class).containsExactly(1, 1)
                    .path("territory.unplacedPractitioners.totalCount").entity(Integer.class).isEqualTo(2)
                    .path("territory.unplacedPractitioners.nodes[*].nationalId").entityList(String.class).hasSize(2);
        }
    }

    @Test
    void aPractitionerShowsSpecialtiesDiplomasAndRetiredActivities() {
        graphQl.documentName("practitionersPage").variable("filter", Map.of("name", "Durand"))
                .execute()
                .path("practitioners.nodes[0].activities[*].active").entityList(Boolean.class).containsExactly(true, true, false)
                .path("practitioners.nodes[0].diplomas[0].code").entity(String.class).isEqualTo("DE10");
        graphQl.document("{ practitioner(id: \"practitioner:810000000001\") { lastName specialties { code type { code } } "
                        + "diplomas { name } } }").execute()
                .path("practitioner.specialties[*].code").entityList(String.class).containsExactly("CAPA05", "SM54")
                .path("practitioner.diplomas[0].name").entity(String.class).isEqualTo("Diplôme d'Etat de docteur en médecine");
    }

    @Test
    void retiredPractitionersAreKeptAndListedOnRequest() {
        graphQl.documentName("practitionersPage").variable("filter", Map.of("name", "roux"))
                .execute().path("practitioners.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl.documentName("practitionersPage").variable("filter", Map.of("name", "roux", "includeRetired", true))
                .execute()
                .path("practitioners.nodes[0].active").entity(Boolean.class).isEqualTo(false)
                .path("practitioners.nodes[0].retiredOn").entity(String.class).isEqualTo("2024-02-15");
        graphQl.document("{ practitionerImports { stamp created updated retired unchanged } }").execute()
                .path("practitionerImports[0].stamp").entity(String.class).isEqualTo("202402150900")
                .path("practitionerImports[0].retired").entity(Integer.class).isEqualTo(1);
    }

    /** Active practitioners with an active activity at a site inside the box, by plain comparisons of coordinates. */
    private List<String> insideByCoordinates(double west, double south, double east, double north) {
        return List.copyOf(neo4j.query("""
                        MATCH (p:Practitioner {active: true})-[:HAS_ACTIVITY]->(:Activity {active: true})-[:AT_SITE]->(s:Site)
                        WHERE s.location.longitude >= $west AND s.location.longitude <= $east
                          AND s.location.latitude >= $south AND s.location.latitude <= $north
                        RETURN DISTINCT p.id AS id ORDER BY id""")
                .bindAll(Map.of("west", west, "south", south, "east", east, "north", north))
                .fetchAs(String.class).all());
    }

    @Test
    void aMapsBoundingBoxListsThePractitionersPlacedOnScreenAndTheirSites() throws Exception {
        List<String> all = insideByCoordinates(-180, -90, 180, 90);
        // Around Bourg-en-Bresse: some of the placed practitioners, not all.
        double[] box = {5.15, 46.15, 5.30, 46.25};
        List<String> expected = insideByCoordinates(box[0], box[1], box[2], box[3]);
        assertThat(expected).isNotEmpty().hasSizeLessThan(all.size());
        Map<String, Object> bbox = Map.of("west", box[0], "south", box[1], "east", box[2], "north", box[3]);
        graphQl.documentName("practitionersPage").variable("filter", Map.of("bbox", bbox)).execute()
                .path("practitioners.nodes[*].nationalId").entityList(String.class)
                .satisfies(ids -> assertThat(ids).containsExactlyInAnyOrderElementsOf(expected))
                .path("practitioners.totalCount").entity(Integer.class).isEqualTo(expected.size());
        // With a territory and a profession as well: all the criteria hold together.
        graphQl.documentName("practitionersPage")
                .variable("filter", Map.of("bbox", bbox, "territory", "department:01", "profession", "10")).execute()
                .path("practitioners.nodes[*].nationalId").entityList(String.class)
                .satisfies(ids -> assertThat(expected).containsAll(ids));

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/geo/sites?bbox=5.15,46.15,5.30,46.25")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode features = new ObjectMapper().readTree(response.body()).get("features");
        assertThat(features).isNotEmpty().allSatisfy(feature -> {
            assertThat(feature.at("/geometry/coordinates/0").asDouble()).isBetween(box[0], box[2]);
            assertThat(feature.at("/geometry/coordinates/1").asDouble()).isBetween(box[1], box[3]);
        });
    }

    @Test
    void aBoxTurnedOverOrOffTheGlobeIsRefusedAndTheMapEndpointAnswersItsOwnErrors() throws Exception {
        for (Map<String, Object> bbox : List.of(Map.<String, Object>of("west", 6.0, "south", 46.0, "east", 5.0, "north", 47.0),
                Map.<String, Object>of("west", 5.0, "south", 46.0, "east", 190.0, "north", 47.0))) {
            graphQl.documentName("practitionersPage").variable("filter", Map.of("bbox", bbox)).execute()
                    .errors().satisfy(errors -> assertThat(errors).singleElement()
                            .satisfies(e -> assertThat(e.getMessage()).contains("bbox")));
        }
        for (String query : List.of("", "?bbox=5,46,6", "?bbox=5,46,6,north", "?bbox=6,46,5,47")) {
            HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/geo/sites" + query)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(bad.statusCode()).as(query).isEqualTo(400);
            assertThat(new ObjectMapper().readTree(bad.body()).get("error").asText()).as(query).isNotBlank();
        }
    }

    @Test
    void geoJsonListsThePlacedSitesOfATerritoryForAProfession() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/geo/sites?territory=epci:200071751&profession=10")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode json = new ObjectMapper().readTree(response.body());
        assertThat(json.get("type").asText()).isEqualTo("FeatureCollection");
        List<String> names = json.get("features").findValuesAsText("name");
        assertThat(names).containsExactlyInAnyOrder("CABINET DU CHAMP DE MARS", "CENTRE DE SANTE DE BROU");
        JsonNode brou = json.get("features").get(names.indexOf("CENTRE DE SANTE DE BROU"));
        assertThat(brou.at("/geometry/coordinates/1").asDouble()).isEqualTo(46.1984);
        assertThat(brou.at("/properties/locationSource").asText()).isEqualTo("GEOCODED");

        HttpResponse<String> bad = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                "http://localhost:" + port + "/geo/sites?territory=nowhere:1")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("unknown territory level");
    }
}
