package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.santegraph.ingest.RowException;
import org.junit.jupiter.api.Test;

class CogRowMapperTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void regionOfTheOverseasCollectivitiesZoneIsAnOverseasCollectivity() throws Exception {
        TerritoryRow region = CogRowMapper.region(json("{\"code\":\"84\",\"nom\":\"Auvergne-Rhône-Alpes\",\"zone\":\"metro\"}"), 2);
        TerritoryRow spm = CogRowMapper.region(json("{\"code\":\"975\",\"nom\":\"Saint-Pierre-et-Miquelon\",\"zone\":\"com\"}"), 3);

        assertThat(region.id()).isEqualTo("region:84");
        assertThat(spm.id()).isEqualTo("overseas-collectivity:975");
    }

    @Test
    void departmentKeepsCorsicanCodesAsTextAndPointsToItsRegion() throws Exception {
        TerritoryRow corse = CogRowMapper.department(
                json("{\"code\":\"2A\",\"region\":\"94\",\"nom\":\"Corse-du-Sud\",\"zone\":\"metro\"}"), 5).orElseThrow();

        assertThat(corse.id()).isEqualTo("department:2A");
        assertThat(corse.parentId()).isEqualTo("region:94");
    }

    @Test
    void overseasCollectivityListedAmongDepartmentsIsNotADepartment() throws Exception {
        assertThat(CogRowMapper.department(
                json("{\"code\":\"975\",\"region\":\"975\",\"nom\":\"Saint-Pierre-et-Miquelon\",\"zone\":\"com\"}"), 2))
                .isEmpty();
    }

    @Test
    void communeTypesMapToTheirLevelsAndParents() throws Exception {
        TerritoryRow commune = CogRowMapper.commune(json("""
                {"code":"01004","nom":"Ambérieu-en-Bugey","departement":"01","region":"84","zone":"metro",
                 "type":"commune-actuelle","codesPostaux":["01500"],"population":15554,"anciensCodes":["01003"]}"""), 4);
        TerritoryRow arrondissement = CogRowMapper.commune(json("""
                {"code":"13201","nom":"Marseille 1er Arrondissement","commune":"13055","departement":"13",
                 "region":"93","type":"arrondissement-municipal","codesPostaux":["13001"]}"""), 5);
        TerritoryRow delegated = CogRowMapper.commune(json("""
                {"code":"01015","nom":"Arbignieu","type":"commune-deleguee","chefLieu":"01015","departement":"01"}"""), 6);
        TerritoryRow overseas = CogRowMapper.commune(json("""
                {"code":"97501","nom":"Miquelon-Langlade","departement":"975","region":"975","zone":"com",
                 "type":"commune-actuelle"}"""), 7);

        assertThat(commune.parentId()).isEqualTo("department:01");
        assertThat(commune.postalCodes()).containsExactly("01500");
        assertThat(commune.formerCodes()).containsExactly("01003");
        assertThat(commune.properties()).containsEntry("population", 15554L).containsEntry("departmentCode", "01");
        assertThat(arrondissement.level()).isEqualTo(TerritoryLevel.MUNICIPAL_ARRONDISSEMENT);
        assertThat(arrondissement.parentId()).isEqualTo("commune:13055");
        assertThat(delegated.id()).isEqualTo("delegated-commune:01015");
        assertThat(delegated.parentId()).isEqualTo("commune:01015");
        assertThat(overseas.parentId()).isEqualTo("overseas-collectivity:975");
    }

    @Test
    void badCommunesAreRejectedWithTheirReason() {
        assertThatThrownBy(() -> CogRowMapper.commune(json("{\"code\":\"01002\",\"type\":\"commune-actuelle\",\"departement\":\"01\"}"), 3))
                .isInstanceOf(RowException.class).hasMessageContaining("missing 'nom'");
        assertThatThrownBy(() -> CogRowMapper.commune(json("{\"code\":\"1X002\",\"nom\":\"X\",\"type\":\"commune-actuelle\"}"), 4))
                .isInstanceOf(RowException.class).hasMessageContaining("'1X002' is not a valid code");
        assertThatThrownBy(() -> CogRowMapper.commune(json("{\"code\":\"01006\",\"nom\":\"X\",\"type\":\"commune-fantome\"}"), 5))
                .isInstanceOf(RowException.class).hasMessageContaining("unknown commune type 'commune-fantome'");
    }

    @Test
    void epciListsItsMemberCommunes() throws Exception {
        EpciRow epci = CogRowMapper.epci(json("""
                {"code":"200000172","nom":"CC Faucigny - Glières","type":"CC","modeFinancement":"FPU",
                 "populationTotale":28631,"membres":[{"code":"74042"},{"code":"74164"}]}"""), 2);

        assertThat(epci.memberCodes()).containsExactly("74042", "74164");
        assertThat(epci.population()).isEqualTo(28631L);
        assertThatThrownBy(() -> CogRowMapper.epci(json("{\"code\":\"200000172\",\"nom\":\"X\",\"membres\":[]}"), 3))
                .isInstanceOf(RowException.class).hasMessageContaining("no member communes");
    }
}
