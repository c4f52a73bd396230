package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.NeedsSharedData;
import fr.santegraph.SharedData;
import fr.santegraph.ingest.DelimitedReader;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.RowException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ActivityRowMapperTest {

    private static List<String> sample() throws Exception {
        return Files.readAllLines(SharedData.path("data/rpps/PS_LibreAcces_Personne_activite_sample_2021.txt"));
    }

    /** The current 56-column header, as the published-format fixture carries it. */
    private static String header56() throws Exception {
        return Files.readAllLines(Path.of(
                "src/test/resources/fixtures/practitioners/published/PS_LibreAcces_Personne_activite_202403150900.txt")).get(0);
    }

    private static ActivityRowMapper mapper52() throws Exception {
        return ActivityRowMapper.forHeader("sample", RppsLines.fields(sample().get(0)));
    }

    @NeedsSharedData // the 22 real lines of ../shared/data/rpps
    @Test
    void mapsASampleLineByHeaderNameKeepingPublishedCodesAndLabels() throws Exception {
        String text = sample().get(8); // MARQUET, LBM NOVELAB at Ambérieu
        ActivityLine line = mapper52().map(RppsLines.row(text, 9));

        assertThat(line.practitionerId()).isEqualTo("0018602292");
        assertThat(line.practitioner()).containsEntry("lastName", "MARQUET").containsEntry("civilityCode", "MME");
        assertThat(line.profession()).isEqualTo(new ActivityLine.CodedLabel("86", "Technicien de laboratoire médical"));
        assertThat(line.activity()).containsEntry("modeCode", "S").containsEntry("sectorCode", "SA25");
        assertThat(line.site().id()).isEqualTo("F010010288");
        assertThat(line.site().communeCode()).isEqualTo("01004");
        assertThat(line.site().addressKey()).isEqualTo("1 rue du professeur christian cab|01500|01004");
        assertThat(line.site().departmentCode()).isEqualTo("01");
        // The writer spells these keys out in its statements: a key missing from the lists would not be stored.
        assertThat(line.practitioner().keySet()).containsExactlyInAnyOrderElementsOf(ActivityRowMapper.PRACTITIONER_KEYS);
        assertThat(line.activity().keySet()).containsExactlyInAnyOrderElementsOf(ActivityRowMapper.ACTIVITY_KEYS);
        assertThat(line.site().properties().keySet()).containsExactlyInAnyOrderElementsOf(ActivityRowMapper.SITE_KEYS);
    }

    @NeedsSharedData // the 22 real lines of ../shared/data/rpps
    @Test
    void theCurrent56ColumnHeaderMapsTheSameValuesPlusRoleAndGenre() throws Exception {
        List<String> header56 = RppsLines.fields(header56());
        ActivityRowMapper mapper = ActivityRowMapper.forHeader("f", header56);
        String text = sample().get(22).substring(0, sample().get(22).length()) + "FON01|Titulaire de cabinet|GENR01|Diagnostic|";

        ActivityLine line = mapper.map(RppsLines.row(text, 2));

        assertThat(line.practitionerId()).isEqualTo("810106476764");
        assertThat(line.specialty().code()).isEqualTo("SM20");
        assertThat(line.activity()).containsEntry("roleCode", "FON01").containsEntry("genreCode", "GENR01");
        assertThat(line.site()).isNull();
    }

    @NeedsSharedData // the 22 real lines of ../shared/data/rpps
    @Test
    void aSiteWithoutCommuneCodeTakesTheTownOfItsCedexOfficeLine() throws Exception {
        String text = sample().get(3); // DOUBS OPTIC, "25300 DOUBS", no commune code
        ActivityLine line = mapper52().map(RppsLines.row(text, 4));
        assertThat(line.site().communeCode()).isNull();
        assertThat(line.site().communeName()).isEqualTo("DOUBS");
        assertThat(line.site().departmentCode()).isEqualTo("25");
        assertThat(ActivityRowMapper.townOfCedexOffice("01012 BOURG EN BRESSE CEDEX")).isEqualTo("BOURG EN BRESSE");
        assertThat(ActivityRowMapper.departmentOfPostalCode("20167")).isEqualTo("2A");
        assertThat(ActivityRowMapper.departmentOfPostalCode("20600")).isEqualTo("2B");
        assertThat(ActivityRowMapper.departmentOfPostalCode("97400")).isEqualTo("974");
    }

    @NeedsSharedData // the 22 real lines of ../shared/data/rpps
    @Test
    void badRowsAreRefusedWithTheirReason() throws Exception {
        ActivityRowMapper mapper = mapper52();
        String good = sample().get(1);
        assertThatThrownBy(() -> mapper.map(RppsLines.row(good + "extra|", 2)))
                .isInstanceOf(RowException.class).hasMessageContaining("expected 52 columns, found 53");
        String noId = good.replace("|0010001949|", "||");
        assertThatThrownBy(() -> mapper.map(RppsLines.row(noId, 2)))
                .isInstanceOf(RowException.class).hasMessageContaining("missing national identifier");
        String badMode = good.replace("|L|Libéral|", "|Z|Libéral|");
        assertThatThrownBy(() -> mapper.map(RppsLines.row(badMode, 2)))
                .isInstanceOf(RowException.class).hasMessageContaining("unknown mode of practice code 'Z'");
        String binary = "\u0000\u0001PK\u0003\u0004garbage|x";
        assertThatThrownBy(() -> mapper.map(RppsLines.row(binary, 2)))
                .isInstanceOf(RowException.class).hasMessageStartingWith("not text: control characters");
    }

    @NeedsSharedData // the 22 real lines of ../shared/data/rpps
    @Test
    void aQuoteOrASemicolonInAFieldIsDataSinceTheExtractionHasNoQuoting() throws Exception {
        String good = sample().get(1);
        String quoted = good.replace("JOLY", "D\"ARTAGNAN; JOLY");
        ActivityLine line = mapper52().map(RppsLines.row(quoted, 2));
        assertThat(line.practitioner()).containsEntry("lastName", "D\"ARTAGNAN; JOLY");
        assertThat(line.practitioner().get("searchName").toString()).endsWith("d artagnan joly");
    }

    @Test
    void aLineWithoutASiteTellsItsDepartementAndIsUnplacedForWantOfASite() throws Exception {
        List<String> header56 = RppsLines.fields(header56());
        ActivityRowMapper mapper = ActivityRowMapper.forHeader("f", header56);
        List<String> fields = new ArrayList<>(Collections.nCopies(56, ""));
        fields.set(0, "8");
        fields.set(1, "10000000009");
        fields.set(2, "810000000009");
        fields.set(7, "REMPLACANT");
        fields.set(9, "10");
        fields.set(header56.indexOf("Code postal (coord. structure)"), "69003");
        ActivityLine line = mapper.map(new DelimitedReader.Row(5, fields));
        assertThat(line.site()).isNull();
        assertThat(line.activity()).containsEntry("unplacedReason", "NO_SITE").containsEntry("departmentCode", "69");
        fields.set(header56.indexOf("Code postal (coord. structure)"), "");
        assertThat(mapper.map(new DelimitedReader.Row(5, fields)).activity())
                .containsEntry("unplacedReason", "NO_SITE").containsEntry("departmentCode", null);
        // An ADELI number starts with the département that registered it.
        fields.set(0, "0");
        fields.set(1, "013102413");
        fields.set(2, "0013102413");
        assertThat(mapper.map(new DelimitedReader.Row(5, fields)).activity())
                .containsEntry("departmentCode", "01");
        assertThat(ActivityRowMapper.departmentOfAdeli("209900001")).isNull();
        assertThat(ActivityRowMapper.departmentOfAdeli("971234567")).isNull();
        assertThat(ActivityRowMapper.departmentOfAdeli("75123456")).isNull();
    }

    @Test
    void aHeaderWithoutTheRpppsColumnsIsRefusedNamingTheFile() {
        assertThatThrownBy(() -> ActivityRowMapper.forHeader("PS_x.txt", List.of("a", "b")))
                .isInstanceOf(ImportFailedException.class).hasMessageContaining("PS_x.txt")
                .hasMessageContaining("Identification nationale PP");
    }

    @NeedsSharedData // the 22 real lines of ../shared/data/rpps
    @Test
    void theFingerprintIgnoresTheHeaderEditionButSeesAChangedValue() throws Exception {
        List<String> header56 = RppsLines.fields(header56());
        String text = sample().get(8);
        long as52 = mapper52().map(RppsLines.row(text, 9)).fingerprint();
        long as56 = ActivityRowMapper.forHeader("f", header56).map(RppsLines.row(text + "||||", 9)).fingerprint();
        String moved = text.replace("0474346567", "0474000000");
        long changed = mapper52().map(RppsLines.row(moved, 9)).fingerprint();
        assertThat(as56).isEqualTo(as52);
        assertThat(changed).isNotEqualTo(as52);
    }

    @NeedsSharedData // the 22 real lines of ../shared/data/rpps
    @Test
    void theFingerprintSeesAValueMovedToAnotherColumnAndAMovedSite() throws Exception {
        String text = sample().get(8);
        List<String> fields = RppsLines.fields(text);
        long before = mapper52().map(new DelimitedReader.Row(9, fields)).fingerprint();
        // Surname and first name swapped: the same characters in another order of keys.
        List<String> swapped = new ArrayList<>(fields);
        swapped.set(7, fields.get(8));
        swapped.set(8, fields.get(7));
        assertThat(mapper52().map(new DelimitedReader.Row(9, swapped)).fingerprint()).isNotEqualTo(before);
        SiteRow site = mapper52().map(new DelimitedReader.Row(9, fields)).site();
        SitePlacement here = new SitePlacement("commune:01004", 45.95, 5.35, "COMMUNE_CENTROID", null, "01");
        SitePlacement there = new SitePlacement("commune:01004", 45.96, 5.35, "GEOCODED", null, "01");
        assertThat(PractitionerWriter.SiteWrite.fingerprint(site, here))
                .isEqualTo(PractitionerWriter.SiteWrite.fingerprint(site, here))
                .isNotEqualTo(PractitionerWriter.SiteWrite.fingerprint(site, there));
    }
}
