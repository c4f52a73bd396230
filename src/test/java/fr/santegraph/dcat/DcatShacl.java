package fr.santegraph.dcat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shacl.validation.Severity;

/**
 * The official DCAT-AP 3.0.1 shapes: {@code shapes.ttl} (cardinalities) and {@code range.ttl} (classes of
 * objects) parsed together as one shapes graph; the generated all-in-one file does not load in Jena 5.
 */
public final class DcatShacl {

    private final Shapes shapes;

    private DcatShacl(Shapes shapes) {
        this.shapes = shapes;
    }

    /** Loads the mandatory shapes from the folder holding the release files (e.g. {@code ../shared/dcat/dcat-ap-3.0.1}). */
    public static DcatShacl mandatory(Path releaseDir) {
        return load(releaseDir.resolve("shapes.ttl"), releaseDir.resolve("range.ttl"));
    }

    /**
     * HealthDCAT-AP's shapes for non-public data (release 5, {@code src/test/resources/healthdcat-ap-release5}) with
     * the DCAT-AP 3.0.1 shapes and ranges they import.
     */
    public static DcatShacl healthDcatAp(Path dcatApReleaseDir) {
        return load(dcatApReleaseDir.resolve("shapes.ttl"), dcatApReleaseDir.resolve("range.ttl"),
                Path.of("src/test/resources/healthdcat-ap-release5/healthdcatap-shacl.ttl"));
    }

    /** The recommended-property shapes: their results are warnings to reduce, reported as figures. */
    public static DcatShacl recommended(Path releaseDir) {
        return load(releaseDir.resolve("shapes_recommended.ttl"));
    }

    private static DcatShacl load(Path... files) {
        Model graph = ModelFactory.createDefaultModel();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                throw new IllegalStateException("missing DCAT-AP shapes file " + file);
            }
            RDFDataMgr.read(graph, file.toUri().toString());
        }
        return new DcatShacl(Shapes.parse(graph.getGraph()));
    }

    public Result validate(Model data) {
        ValidationReport report = ShaclValidator.get().validate(shapes, data.getGraph());
        List<ReportEntry> entries = report.getEntries().stream()
                .sorted(Comparator.comparing((ReportEntry e) -> e.focusNode().toString())
                        .thenComparing(e -> String.valueOf(e.resultPath())))
                .toList();
        return new Result(entries);
    }

    /** The results of one validation, sorted by focus node. */
    public record Result(List<ReportEntry> entries) {

        public List<ReportEntry> violations() {
            return entries.stream().filter(e -> Severity.Violation.equals(e.severity())).toList();
        }

        public boolean conforms() {
            return violations().isEmpty();
        }

        /** The first {@code max} violations, one per line: focus node, property path, message, offending value. */
        public String describeViolations(int max) {
            List<ReportEntry> violations = violations();
            String lines = violations.stream().limit(max).map(e -> "  " + e.focusNode() + "  " + e.resultPath() + ": "
                    + e.message() + (e.value() == null ? "" : " (value " + e.value() + ")")).collect(Collectors.joining("\n"));
            return violations.size() + " violation(s)" + (violations.isEmpty() ? "" : ", first ones:\n" + lines);
        }
    }
}
