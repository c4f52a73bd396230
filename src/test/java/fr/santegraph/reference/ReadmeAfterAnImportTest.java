package fr.santegraph.reference;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import fr.santegraph.BundledData;
import fr.santegraph.RealGraph;
import fr.santegraph.ScratchGraphTest;
import fr.santegraph.ingest.DataFile;
import fr.santegraph.ingest.ImportRequest;
import fr.santegraph.practitioner.PractitionerImporter;
import fr.santegraph.practitioner.RppsGenerator;
import fr.santegraph.territory.TerritoryImporter;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

/**
 * The front-end examples the README marks as needing an import (a picker, a map, counts per EPCI with
 * zeros, a density map, a trend) answer as written — without errors, and with something in every list — on the
 * bundled territories plus one RPPS extraction (generated over the Loire's communes, where the examples look).
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

    /** The bundled COG communes of one département, as a communes.json the generator reads. */
    private Path communesOf(String department) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode kept = mapper.createArrayNode();
        try (InputStream in = DataFile.of(BundledData.territories().resolve("communes.json.gz")).open()) {
            for (JsonNode commune : mapper.readTree(in)) {
                if (department.equals(commune.path("departement").asText())) {
                    kept.add(commune);
                }
            }
        }
        Path file = dir.resolve("communes-" + department + ".json");
        mapper.writeValue(file.toFile(), kept);
        return file;
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
        RealGraph.importTerritories(territories);
        Path extraction = dir.resolve("PS_LibreAcces_Personne_activite_202501010000.txt");
        RppsGenerator.generate(communesOf("42"), extraction, 4_000, 42);
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
