package fr.santegraph.ingest;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar santegraph.jar import <source> [--option value ...]}: runs one importer against the configured
 * database, prints its summary and sets the process exit status (0 ok, 1 failed, 2 bad usage).
 */
@Component
@Profile("import")
@Order(100)
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private final Map<String, Importer> importers;
    private final RemoteImport remote;
    private final PrintStream out;
    private int exitCode;

    @Autowired
    public ImportCommand(List<Importer> importers, RemoteImport remote) {
        this(importers, remote, System.out);
    }

    ImportCommand(List<Importer> importers, RemoteImport remote, PrintStream out) {
        this.importers = importers.stream().collect(Collectors.toMap(Importer::name, Function.identity()));
        this.remote = remote;
        this.out = out;
    }

    public static boolean isImportInvocation(String[] args) {
        return args.length > 0 && "import".equals(args[0]);
    }

    /** {@code import}, {@code import --help}: answered without starting the application (no database is created). */
    public static boolean isHelpInvocation(String[] args) {
        return isImportInvocation(args) && (args.length == 1 || Arrays.asList(args).contains("--help"));
    }

    /** Prints the usage of every importer on the classpath, read from their {@link ImportSource}. */
    public static int printHelp(PrintStream out, String[] args) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(ImportSource.class));
        List<ImportSource> sources = scanner.findCandidateComponents("fr.santegraph").stream().map(candidate -> {
            try {
                return Class.forName(candidate.getBeanClassName()).getAnnotation(ImportSource.class);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        printUsage(out, sources.stream().map(source -> source.name() + " " + source.usage()).toList());
        return args.length == 1 ? 2 : 0;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        List<String> args = Arrays.asList(arguments.getSourceArgs());
        exitCode = execute(args.subList(1, args.size()));
    }

    int execute(List<String> args) {
        if (args.isEmpty() || args.contains("--help")) {
            printUsage();
            return args.isEmpty() ? 2 : 0;
        }
        ImportRequest request;
        try {
            request = ImportRequest.parse(args);
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        }
        Importer importer = importers.get(request.source());
        if (importer == null) {
            out.println("error: unknown source '" + request.source() + "'");
            printUsage();
            return 2;
        }
        try {
            ImportSummary summary = request.option("url").isPresent() ? remote.run(importer, request) : importer.run(request);
            out.print(summary.describe());
            return 0;
        } catch (IllegalArgumentException e) {
            out.println("error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            out.println("import " + request.source() + " failed: " + e.getMessage());
            return 1;
        }
    }

    private void printUsage() {
        printUsage(out, importers.values().stream().map(importer -> importer.name() + " " + importer.usage()).toList());
    }

    private static void printUsage(PrintStream out, List<String> usages) {
        out.println("usage: java -jar santegraph.jar import <source> [--option value ...]");
        usages.stream().sorted().forEach(usage -> out.println("  import " + usage));
        out.println("Any source: --url <http(s) address> instead of --file/--dir downloads the published file first "
                + "(again only when the server says it changed; --force-download, --max-download-size 2GB, "
                + "--download-timeout 30m, --download-idle-timeout 60s).");
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
