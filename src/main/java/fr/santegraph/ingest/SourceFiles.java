package fr.santegraph.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The files of a source that publishes several (the COG's JSON files, La Poste's CSV): a folder, or a zip holding them
 * (read in place). A file may be gzipped ({@code communes.json.gz}).
 */
public record SourceFiles(Path location, boolean zip) {

    /** {@code --dir <folder>} or {@code --file <zip>}. */
    public static SourceFiles of(ImportRequest request) {
        if (request.option("file").isPresent()) {
            Path file = request.file("file");
            List<DataFile> contents = DataFile.find(file, name -> true);
            if (contents.stream().noneMatch(data -> data.entry() != null)) {
                throw new IllegalArgumentException("--file " + file.getFileName() + " is not a zip archive: give the "
                        + "folder of the files with --dir");
            }
            return new SourceFiles(file, true);
        }
        return new SourceFiles(request.directory("dir"), false);
    }

    public static SourceFiles folder(Path dir) {
        return new SourceFiles(dir, false);
    }

    /** The file named {@code name}, or its gzipped copy. */
    public Optional<DataFile> find(String name) {
        return matching(file -> file.equals(name) || file.equals(name + ".gz")).stream().findFirst();
    }

    /** Every file whose name (without {@code .gz}) {@code wanted} accepts, by name. */
    public List<DataFile> matching(Predicate<String> wanted) {
        if (zip) {
            return DataFile.find(location, wanted).stream()
                    .sorted(Comparator.comparing(DataFile::name)).toList();
        }
        // In a folder, only the files named as wanted are opened (a zip beside them is not searched).
        try (Stream<Path> files = Files.list(location)) {
            return files.filter(Files::isRegularFile).filter(file -> wanted.test(withoutGz(file.getFileName().toString())))
                    .sorted().map(DataFile::of).toList();
        } catch (IOException e) {
            throw new ImportFailedException(location + ": " + e.getMessage(), e);
        }
    }

    private static String withoutGz(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    public String describe() {
        return location.toString();
    }
}
