package fr.santegraph.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.util.FileSystemUtils;

/**
 * The files of one offline build of the default database by Neo4j's importer ({@code neo4j-admin database import
 * full}), in a work folder of their own: node and relationship files, each with its labels or type (else a
 * {@code :LABEL} / {@code :TYPE} column), and the arguments that tell the importer how to read them. Identifiers
 * are strings, each file naming its ID space ({@code :ID(Site)}, {@code :END_ID(Territory)}).
 */
public final class BulkImport implements Closeable {

    /** The importer's default chunk (characters), and the largest this build asks for (each thread holds some). */
    static final long DEFAULT_READ_BUFFER = 4L << 20;
    static final long MAX_READ_BUFFER = 64L << 20;

    private final Path work;
    private final List<Entry> files = new ArrayList<>();

    private record Entry(boolean nodes, String labelsOrType, ImporterCsv csv) {
    }

    private BulkImport(Path work) {
        this.work = work;
    }

    /** An empty work folder at {@code work} (what was there is deleted). */
    public static BulkImport in(Path work) throws IOException {
        FileSystemUtils.deleteRecursively(work);
        Files.createDirectories(work.resolve("csv"));
        return new BulkImport(work);
    }

    /** A node file; {@code labels} {@code "A:B"}, or empty when the header has a {@code :LABEL} column. */
    public ImporterCsv nodes(String name, String labels, List<String> header) throws IOException {
        return add(true, labels, name, header);
    }

    /** A relationship file; {@code type} empty when the header has a {@code :TYPE} column. */
    public ImporterCsv relationships(String name, String type, List<String> header) throws IOException {
        return add(false, type, name, header);
    }

    private synchronized ImporterCsv add(boolean nodes, String labelsOrType, String name, List<String> header)
            throws IOException {
        ImporterCsv csv = ImporterCsv.create(work.resolve("csv").resolve(name + ".csv"), header);
        files.add(new Entry(nodes, labelsOrType, csv));
        return csv;
    }

    public Path work() {
        return work;
    }

    /** Records written to the files so far. */
    public synchronized long records() {
        return files.stream().mapToLong(entry -> entry.csv().rows()).sum();
    }

    /**
     * The importer's arguments for these files (after the database name): string IDs, no bad entry tolerated (a
     * relationship to a missing node fails the build rather than vanishing from it). Not {@code --strict}, which
     * doubles the relationship stage: the writers link only nodes they wrote or exported.
     */
    public synchronized List<String> arguments(int threads, Path reportFile) {
        List<String> arguments = new ArrayList<>(List.of("--overwrite-destination", "--threads=" + threads,
                "--id-type=string", "--array-delimiter=" + ImporterCsv.ARRAY_DELIMITER, "--bad-tolerance=0",
                "--report-file=" + reportFile, "--verbose"));
        String multiline = files.stream().filter(entry -> entry.csv().multiline())
                .map(entry -> entry.csv().path().toString()).collect(Collectors.joining(","));
        // The parallel (v2) reading of multi-line files finds where a chunk's last row ends by scanning back from the
        // chunk's end, and can take a line end inside a quoted value there for a row's ("Weird input data, found CR
        // outside a text cell", with the catalogue's 18 MB of indicator descriptions). A file read in one chunk is
        // never scanned back: the chunks are made larger than the largest multi-line file; past MAX_READ_BUFFER,
        // every file is read the single-threaded (v1) way instead.
        long largest = files.stream().filter(entry -> entry.csv().multiline())
                .mapToLong(entry -> size(entry.csv().path())).max().orElse(0);
        if (largest > MAX_READ_BUFFER) {
            arguments.add("--multiline-fields-format=v1");
            arguments.add("--multiline-fields=true");
        } else if (!multiline.isEmpty()) {
            // Only the files that need it: a multi-line file is read by one thread.
            arguments.add("--multiline-fields-format=v2");
            arguments.add("--multiline-fields=" + multiline);
            arguments.add("--read-buffer-size=" + Math.max(DEFAULT_READ_BUFFER, largest + (1 << 20)));
        }
        for (Entry entry : files) {
            String prefix = entry.labelsOrType().isEmpty() ? "" : entry.labelsOrType() + "=";
            arguments.add((entry.nodes() ? "--nodes=" : "--relationships=") + prefix + entry.csv().path());
        }
        return arguments;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() throws IOException {
        for (Entry entry : files) {
            entry.csv().close();
        }
    }

    /** Closes the files and deletes the work folder. */
    public void delete() throws IOException {
        close();
        FileSystemUtils.deleteRecursively(work);
    }
}
