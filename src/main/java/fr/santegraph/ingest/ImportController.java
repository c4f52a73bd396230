package fr.santegraph.ingest;

import fr.santegraph.common.InvalidArgumentException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * {@code runImport}: the import command over the API, for ADMIN callers, reading only from folders the
 * configuration lists ({@code santegraph.import.allowed-dirs}) and downloading only from addresses it lists
 * ({@code santegraph.import.allowed-urls}, prefixes): an API caller must not read arbitrary server files nor make the
 * server fetch arbitrary addresses. {@code scheduledRefreshes}: the service's own refreshes.
 */
@Controller
public class ImportController {

    private final Map<String, Importer> importers = new LinkedHashMap<>();
    private final List<Path> allowedDirs;
    private final List<String> allowedUrls;
    private final RemoteImport remote;
    private final ObjectProvider<RefreshScheduler> refreshes;

    public ImportController(List<Importer> importers, @Value("${santegraph.import.allowed-dirs:}") List<String> allowedDirs,
                            @Value("${santegraph.import.allowed-urls:}") List<String> allowedUrls, RemoteImport remote,
                            ObjectProvider<RefreshScheduler> refreshes) {
        importers.forEach(importer -> this.importers.put(importer.name(), importer));
        this.allowedDirs = allowedDirs.stream().filter(dir -> !dir.isBlank()).map(ImportController::realPath).toList();
        this.allowedUrls = allowedUrls.stream().filter(url -> !url.isBlank()).toList();
        this.remote = remote;
        this.refreshes = refreshes;
    }

    @QueryMapping
    @PreAuthorize("hasRole('ADMIN')")
    public List<RefreshScheduler.Status> scheduledRefreshes() {
        RefreshScheduler scheduler = refreshes.getIfAvailable();
        return scheduler == null ? List.of() : scheduler.statuses();
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
            if (option.name().equals("url")) {
                requireAllowedUrl(option.value());
            }
            options.put(option.name(), option.value());
        }
        // Every path option, whatever its name, is read through the request's rules (ImportRequest.Paths).
        ImportRequest request = new ImportRequest(input.source(), Map.copyOf(options), ImportRequest.Paths.within(allowedDirs));
        ImportSummary summary = request.option("url").isPresent() ? remote.run(importer, request) : importer.run(request);
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

    /** Same scheme, host and port as an allowed address, and a path under its path. */
    private void requireAllowedUrl(String value) {
        URI url = Download.parse(value).normalize();
        if (allowedUrls.stream().map(Download::parse).noneMatch(allowed ->
                allowed.getScheme().equalsIgnoreCase(url.getScheme())
                        && allowed.getHost().equalsIgnoreCase(url.getHost()) && allowed.getPort() == url.getPort()
                        && url.getPath().startsWith(allowed.getPath() == null ? "" : allowed.getPath()))) {
            throw new InvalidArgumentException("imports may not download " + value
                    + " (santegraph.import.allowed-urls = " + allowedUrls + ")");
        }
    }
}
