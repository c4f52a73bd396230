package fr.santegraph.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.springframework.lang.Nullable;

/**
 * One input of an import, as published: a text file, a gzipped one, or one entry of a zip archive (read in place,
 * never unpacked to disk). Its bytes can be opened as many times as an importer needs passes over them.
 *
 * @param path  the file on disk
 * @param entry the zip entry read, or null
 * @param name  the name the data has in its source (the entry's name, or the file name without {@code .gz})
 */
public record DataFile(Path path, @Nullable String entry, String name, Compression compression) {

    private static final int BUFFER = 1 << 16;

    /**
     * The data of a file: itself, its gunzipped content, or the only entry of a zip. A zip holding several files, or an
     * archive format the importers cannot read, fails with what it holds.
     */
    public static DataFile of(Path path) {
        return of(path, entry -> true, "one data file");
    }

    /** The data of a file, or the entry of a zip whose name {@code wanted} accepts ({@code what} names it in errors). */
    public static DataFile of(Path path, Predicate<String> wanted, String what) {
        List<DataFile> matching = find(path, wanted);
        if (matching.size() == 1) {
            return matching.get(0);
        }
        Compression compression = compressionOf(path);
        if (compression == Compression.ZIP) {
            throw new ImportFailedException(path.getFileName() + " is a zip archive holding " + entryNames(path)
                    + (matching.isEmpty() ? "; none is " : "; more than one is ") + what);
        }
        throw new ImportFailedException(path.getFileName() + ": not " + what);
    }

    /**
     * Every entry of a zip that {@code wanted} accepts (by its file name, folders left out), else the file itself (or its
     * gunzipped content) when {@code wanted} accepts its name. Text or zip or gzip only.
     */
    public static List<DataFile> find(Path path, Predicate<String> wanted) {
        Compression compression = compressionOf(path);
        if (!compression.readable()) {
            throw new ImportFailedException(path.getFileName() + " is " + compression.description()
                    + ", not text: unpack it first (text, zip and gzip files are read as they are)");
        }
        if (compression == Compression.ZIP) {
            List<DataFile> found = new ArrayList<>();
            try (ZipFile zip = new ZipFile(path.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    String name = baseName(entry.getName());
                    if (!entry.isDirectory() && wanted.test(name)) {
                        found.add(new DataFile(path, entry.getName(), name, Compression.ZIP));
                    }
                }
            } catch (ZipException e) {
                throw new ImportFailedException(path.getFileName() + ": a damaged zip archive (" + e.getMessage()
                        + "; an interrupted download?)", e);
            } catch (IOException e) {
                throw new ImportFailedException(path.getFileName() + ": " + e.getMessage(), e);
            }
            return found;
        }
        String fileName = path.getFileName().toString();
        String name = compression == Compression.GZIP && fileName.toLowerCase(Locale.ROOT).endsWith(".gz")
                ? fileName.substring(0, fileName.length() - 3) : fileName;
        return wanted.test(name) ? List.of(new DataFile(path, null, name, compression)) : List.of();
    }

    private static Compression compressionOf(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ImportFailedException(path + ": file not found");
        }
        try {
            return Compression.of(path);
        } catch (IOException e) {
            throw new ImportFailedException(path + ": " + e.getMessage(), e);
        }
    }

    private static List<String> entryNames(Path path) {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String baseName(String entryName) {
        int slash = entryName.lastIndexOf('/');
        return slash < 0 ? entryName : entryName.substring(slash + 1);
    }

    /** The decompressed bytes, buffered; the caller closes the stream (which closes the archive too). */
    public InputStream open() throws IOException {
        return switch (compression) {
            case NONE -> new BufferedInputStream(Files.newInputStream(path), BUFFER);
            case GZIP -> new BufferedInputStream(new GZIPInputStream(Files.newInputStream(path), BUFFER), BUFFER);
            case ZIP -> openEntry();
            default -> throw new ImportFailedException(path.getFileName() + " is " + compression.description());
        };
    }

    private InputStream openEntry() throws IOException {
        ZipFile zip = new ZipFile(path.toFile());
        ZipEntry zipEntry = zip.getEntry(entry);
        if (zipEntry == null) {
            zip.close();
            throw new ImportFailedException(path.getFileName() + " holds no entry " + entry);
        }
        return new BufferedInputStream(zip.getInputStream(zipEntry), BUFFER) {
            @Override
            public void close() throws IOException {
                try {
                    super.close();
                } finally {
                    zip.close();
                }
            }
        };
    }

    /** How errors name it: {@code PS_LibreAcces_202402150900.zip!PS_LibreAcces_Personne_activite_202402150900.txt}. */
    public String describe() {
        return entry == null ? path.getFileName().toString() : path.getFileName() + "!" + entry;
    }

    /** The first bytes of the data (after decompression). */
    public byte[] head(int length) throws IOException {
        try (InputStream in = open()) {
            return in.readNBytes(length);
        }
    }
}
