package fr.santegraph;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real data in {@code ../shared} beside the checkout. Tests that need it fail loudly when it is missing:
 * a skipped test would hide that CI checked nothing.
 */
public final class SharedData {

    private SharedData() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("santegraph.shared-dir", "../shared")).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("data"))) {
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

    public static Path cog() {
        return path("data/territories/decoupage-administratif-4.1.0");
    }

    public static Path territories() {
        return path("data/territories");
    }
}
