package fr.santegraph.ingest;

import fr.santegraph.common.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code runImport}: the import command over the API, for ADMIN callers, reading only from folders the
 * configuration lists ({@code santegraph.import.allowed-dirs}): an API caller must not read arbitrary server files.
 */
@Controller
public class ImportController {

    private static final Set<String> PATH_OPTIONS = Set.of("dir", "file", "savoir-faire", "diplomas", "geocoding");

    private final Map<String, Importer> importers = new LinkedHashMap<>();
    private final List<Path> allowedDirs;

    public ImportController(List<Importer> importers, @Value("${santegraph.import.allowed-dirs:}") List<String> allowedDirs) {
        importers.forEach(importer -> this.importers.put(importer.name(), importer));
        this.allowedDirs = allowedDirs.stream().filter(dir -> !dir.isBlank()).map(ImportController::realPath).toList();
    }

    public record ImportOption(String name, String value) {
    }

    public record RunImportInput(String source, List<ImportOption> options) {
    }

    public record ImportCounter(String name, long value) {
    }

    public record RunImportPayload(String source, long rowsRead, long rejected, List<String> rejections,
                                   List<ImportCounter> counters, long elapsedMillis) {
    }

    @MutationMapping
    @PreAuthorize("hasRole('ADMIN')")
    public RunImportPayload runImport(@Argument RunImportInput input) throws IOException {
        Importer importer = importers.get(input.source());
        if (importer == null) {
            throw new InvalidArgumentException("unknown import source '" + input.source() + "'; known: " + importers.keySet());
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (ImportOption option : input.options()) {
            if (PATH_OPTIONS.contains(option.name())) {
                requireAllowed(option.value());
            }
            options.put(option.name(), option.value());
        }
        ImportSummary summary = importer.run(new ImportRequest(input.source(), Map.copyOf(options)));
        List<ImportCounter> counters = new ArrayList<>();
        new TreeMap<>(summary.counters()).forEach((name, value) -> counters.add(new ImportCounter(name, value)));
        return new RunImportPayload(summary.source(), summary.read(), summary.rejected(),
                summary.rejections().stream().limit(100).map(Rejection::toString).toList(), counters,
                summary.elapsed().toMillis());
    }

    private static Path realPath(String dir) {
        Path path = Path.of(dir).toAbsolutePath().normalize();
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path;
        }
    }

    private void requireAllowed(String value) {
        Path path = Path.of(value).toAbsolutePath().normalize();
        try {
            path = path.toRealPath(); // a symbolic link must not lead outside the allowed folders
        } catch (IOException e) {
            throw new InvalidArgumentException(value + " does not exist");
        }
        if (allowedDirs.stream().noneMatch(path::startsWith)) {
            throw new InvalidArgumentException(value + " is outside the folders imports may read "
                    + "(santegraph.import.allowed-dirs = " + allowedDirs + ")");
        }
    }
}
