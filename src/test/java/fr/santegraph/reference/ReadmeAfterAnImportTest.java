package fr.santegraph.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.santegraph.BundledData;
import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.DataFile;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.practitioner.PractitionerImporter;
import fr.santegraph.practitioner.RppsGenerator;
import fr.santegraph.territory.TerritoryImporter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The front-end examples the README marks as needing an import (a picker, a map, counts per EPCI with
 * zeros, a density map, a trend) answer as written — without errors, and with something in every list — on the
 * bundled territories of the Loire, where the examples look, plus one RPPS extraction generated over its communes.
 */
class ReadmeAfterAnImportTest extends ScratchGraphTest {

    @Autowired
    TerritoryImporter territories;
    @Autowired
    PractitionerImporter practitioners;
    @Autowired
    HttpGraphQlTester graphQl;
    @TempDir
    Path dir;

    /**
     * The bundled COG and La Poste files cut to one département (its region, its communes, the EPCIs with a member
     * in it, their postal codes): the graph the README's examples look at, loaded in seconds rather than the whole
     * country's minute and a half.
     */
    private Path territoriesOf(String department) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("territories-" + department));
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode communes = mapper.createArrayNode();
        Set<String> codes = new HashSet<>();
        String region = null;
        for (JsonNode commune : read(mapper, "communes.json.gz")) {
            if (department.equals(commune.path("departement").asText())) {
                communes.add(commune);
                codes.add(commune.path("code").asText());
                region = commune.path("region").asText(region);
            }
        }
        mapper.writeValue(folder.resolve("communes.json").toFile(), communes);
        ArrayNode departments = mapper.createArrayNode();
        read(mapper, "departements.json.gz").forEach(d -> {
            if (department.equals(d.path("code").asText())) {
                departments.add(d);
            }
        });
        mapper.writeValue(folder.resolve("departements.json").toFile(), departments);
        ArrayNode regions = mapper.createArrayNode();
        String regionCode = region;
        read(mapper, "regions.json.gz").forEach(r -> {
            if (r.path("code").asText().equals(regionCode)) {
                regions.add(r);
            }
        });
        mapper.writeValue(folder.resolve("regions.json").toFile(), regions);
        ArrayNode epcis = mapper.createArrayNode();
        read(mapper, "epci.json.gz").forEach(e -> {
            for (JsonNode member : e.path("membres")) {
                if (codes.contains(member.path("code").asText())) {
                    epcis.add(e);
                    return;
                }
            }
        });
        mapper.writeValue(folder.resolve("epci.json").toFile(), epcis);
        for (String laPoste : List.of("laposte_hexasmal_2024.csv", "laposte_hexasmal_with_gps_2020.csv")) {
            // Their bytes as published (one is ISO-8859-1): the header, then the lines of the département's communes.
            try (InputStream in = DataFile.of(BundledData.territories().resolve(laPoste + ".gz")).open()) {
                String[] lines = new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).split("\n", -1);
                StringBuilder out = new StringBuilder(lines[0]).append('\n');
                for (int i = 1; i < lines.length; i++) {
                    if (lines[i].startsWith(department)) {
                        out.append(lines[i]).append('\n');
                    }
                }
                Files.write(folder.resolve(laPoste), out.toString().getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return folder;
    }

    private static JsonNode read(ObjectMapper mapper, String bundled) throws Exception {
        try (InputStream in = DataFile.of(BundledData.territories().resolve(bundled)).open()) {
            return mapper.readTree(in);
        }
    }

    /** The paths of the empty lists and nulls in an answer: an example that shows nothing proves nothing. */
    private static List<String> empty(Object node, String path) {
        List<String> found = new ArrayList<>();
        if (node instanceof List<?> list) {
            if (list.isEmpty()) {
                found.add(path);
            }
            for (int i = 0; i < list.size(); i++) {
                found.addAll(empty(list.get(i), path + "[" + i + "]"));
            }
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> found.addAll(empty(value, path + "." + key)));
        }
        return found;
    }

    @Test
    void theFrontEndExamplesAnswerAsWrittenOnTheBundledGraphWithAnExtraction() throws Exception {
        Path loire = territoriesOf("42");
        territories.importDirectory(loire);
        Path extraction = dir.resolve("PS_LibreAcces_Personne_activite_202501010000.txt");
        RppsGenerator.generate(loire.resolve("communes.json"), extraction, 4_000, 42);
        practitioners.run(ImportRequest.of("practitioners", "file", extraction.toString()));

        int run = 0;
        // The README's: the docs' own such examples need other imports (indicator values).
        for (Path page : List.of(Path.of("README.md"))) {
            for (String example : FirstStartTest.ReadmeExamples.afterAnImport(page)) {
                Map<String, Object> data = graphQl.document(example).execute().errors().verify()
                        .path("").entity(Map.class).get();
                assertThat(data).as("%s:%n%s", page, example).isNotEmpty();
                assertThat(empty(data, "")).as("%s:%n%s", page, example).isEmpty();
                run++;
            }
        }
        assertThat(run).as("examples marked as needing an import").isPositive();
    }
}
