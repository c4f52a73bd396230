package fr.santegraph.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.ingest.RowException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaPosteRowMapperTest {

    private static final String HEADER_2024 = "#Code_commune_INSEE;Nom_de_la_commune;Code_postal;Libellé_d_acheminement;Ligne_5";
    private static final String HEADER_GPS = "Code_commune_INSEE;Nom_commune;Code_postal;Ligne_5;Libellé_d_acheminement;coordonnees_gps";

    private static LaPosteRowMapper mapper(String header) {
        return LaPosteRowMapper.forHeader(fields(header)).orElseThrow();
    }

    @Test
    void readsThe2024LayoutByColumnName() {
        PostalCodeRow row = mapper(HEADER_2024).map(fields("2A004;AJACCIO;20090;AJACCIO;"), 7);

        assertThat(row).isEqualTo(new PostalCodeRow("2A004", "20090", "AJACCIO", null, null, 7));
    }

    @Test
    void readsCoordinatesOfTheGpsVariant() {
        LaPosteRowMapper mapper = mapper(HEADER_GPS);
        PostalCodeRow row = mapper.map(fields(
                "50231;HAUTEVILLE SUR MER;50590;;HAUTEVILLE SUR MER;48.9741132204,-1.54436628419"), 2);

        assertThat(mapper.hasCoordinates()).isTrue();
        assertThat(row.latitude()).isEqualTo(48.9741132204);
        assertThat(row.longitude()).isEqualTo(-1.54436628419);
    }

    @Test
    void otherHeadersAreNotLaPosteFiles() {
        assertThat(LaPosteRowMapper.forHeader(fields("finess;etalab;x"))).isEmpty();
    }

    @Test
    void badLinesAreRejectedWithTheirReason() {
        LaPosteRowMapper mapper = mapper(HEADER_GPS);
        assertThatThrownBy(() -> mapper.map(fields("50231;X;505;;X;"), 3))
                .isInstanceOf(RowException.class).hasMessageContaining("'505' is not a postal code");
        assertThatThrownBy(() -> mapper.map(fields("50231;X;50590"), 4))
                .isInstanceOf(RowException.class).hasMessageContaining("expected 6 fields, found 3");
        assertThatThrownBy(() -> mapper.map(fields("50231;X;50590;;X;north,west"), 5))
                .isInstanceOf(RowException.class).hasMessageContaining("not \"latitude,longitude\"");
    }

    /** Fields as La Poste's file has them: ; separated, no quoting, empty fields kept. */
    private static List<String> fields(String line) {
        return List.of(line.split(";", -1));
    }
}
