package fr.santegraph;

import fr.santegraph.ingest.StagedFolder;
import fr.santegraph.reference.BundledSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The published reference data shipped in the repository's {@code import/} folder, as tests read it: the folder
 * itself (importers that read gzipped files in place) or a source unpacked once per JVM (importers of plain files).
 */
public final class BundledData {

    private static final Map<String, StagedFolder> STAGED = new ConcurrentHashMap<>();

    private BundledData() {
    }

    /** {@code import/<folder>} of the checkout. */
    public static Path folder(String folder) {
        Path path = Path.of("import", folder).toAbsolutePath();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("missing bundled folder " + path + " (run bash import/pack.sh)");
        }
        return path;
    }

    /** The COG 2024 JSON files and the La Poste CSVs, gzipped as shipped (the territory importer reads them so). */
    public static Path territories() {
        return folder("territories");
    }

    /** A bundled source ({@code bundle.tsv} name) unpacked in a temporary folder kept until the JVM exits. */
    public static Path unpacked(String source) {
        return STAGED.computeIfAbsent(source, name -> {
            BundledSources bundle = new BundledSources(BundledSources.DEFAULT_LOCATION);
            StagedFolder staged = bundle.stage(bundle.all().stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no bundled source " + name)));
            Runtime.getRuntime().addShutdownHook(new Thread(staged::close));
            return staged;
        }).path();
    }
}
