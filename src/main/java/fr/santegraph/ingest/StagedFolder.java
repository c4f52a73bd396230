package fr.santegraph.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.springframework.util.FileSystemUtils;

/**
 * A temporary folder holding one source's files as its importer reads them: plain files under their published
 * names, gzipped ones decompressed, zips unpacked. Importers of folders then need no knowledge of how the files
 * came (the jar's bundled copies, a user's download folder). Deleted on close.
 */
public final class StagedFolder implements AutoCloseable {

    private final Path dir;

    private StagedFolder(Path dir) {
        this.dir = dir;
    }

    public static StagedFolder create(String name) {
        try {
            return new StagedFolder(Files.createTempDirectory("santegraph-" + name + "-"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for " + name, e);
        }
    }

    public Path path() {
        return dir;
    }

    /** Adds a file: linked when plain, decompressed when gzipped, unpacked when a zip. */
    public StagedFolder add(Path file) throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz") || lower.endsWith(".zip")) {
            try (InputStream in = Files.newInputStream(file)) {
                return add(name, in);
            }
        }
        Files.createSymbolicLink(dir.resolve(name), file.toAbsolutePath());
        return this;
    }

    /** Adds the file {@code name} read from {@code in}: decompressed when it ends in .gz, unpacked when in .zip. */
    public StagedFolder add(String name, InputStream in) throws IOException {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".gz")) {
            try (InputStream plain = new GZIPInputStream(in, 1 << 16)) {
                copy(plain, name.substring(0, name.length() - 3));
            } catch (EOFException e) {
                throw new ImportFailedException(name + " is a truncated gzip file", e);
            }
        } else if (lower.endsWith(".zip")) {
            unzip(name, in);
        } else {
            copy(in, name);
        }
        return this;
    }

    private void unzip(String name, InputStream in) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (!entry.isDirectory()) {
                    copy(zip, entry.getName());
                }
            }
        } catch (ZipException e) {
            throw new ImportFailedException(name + " is not a readable zip: " + e.getMessage(), e);
        }
    }

    private void copy(InputStream in, String relative) throws IOException {
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir)) {
            // A zip entry named ../../x must not write outside the folder.
            throw new ImportFailedException("archive entry " + relative + " points outside its folder");
        }
        Files.createDirectories(target.getParent());
        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        FileSystemUtils.deleteRecursively(dir.toFile());
    }
}
