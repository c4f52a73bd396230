package fr.santegraph;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data in {@code ../shared} beside the checkout, for the tests of the {@link NeedsSharedData} group only:
 * everything else reads the bundled copies in {@code import/} ({@link BundledData}) or fixtures.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path location() {
        return Path.of(System.getProperty("santegraph.shared-dir", "../shared")).toAbsolutePath().normalize();
    }

    public static boolean available() {
        return Files.isDirectory(location().resolve("data"));
    }

    public static Path root() {
        Path root = location();
        if (!available()) {
            throw new IllegalStateException("the shared data folder is missing: expected " + root
                    + "/data beside the checkout (set -Dsantegraph.shared-dir to move it)");
        }
        return root;
    }

    public static Path path(String relative) {
        Path path = root().resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("missing shared file " + path);
        }
        return path;
    }
}
