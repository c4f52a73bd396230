package fr.santegraph.ingest;

import fr.santegraph.common.InvalidArgumentException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one import: its source name and {@code --option value} pairs, e.g.
 * {@code import territories --dir ../shared/data/territories}, and where its path options may point. An importer
 * reads a path only through {@link #file}, {@link #optionalFile} or {@link #directory}, which apply {@link #paths}:
 * so an import run over the API is confined to the allowed folders by construction, whatever options it has.
 */
public record ImportRequest(String source, Map<String, String> options, Paths paths) {

    /** On the command line: the operator may read what the process may. */
    public ImportRequest(String source, Map<String, String> options) {
        this(source, options, Paths.ANY);
    }

    /** Where the paths given as options may lead. */
    @FunctionalInterface
    public interface Paths {

        Paths ANY = (option, value) -> Path.of(value);

        /** The path {@code --option value} names, or an {@link InvalidArgumentException} when it may not be read. */
        Path resolve(String option, String value);

        /** These, and also {@code path} and what is under it (a file or folder the service made itself). */
        default Paths allowing(Path path) {
            Path own = path.toAbsolutePath().normalize();
            return (option, value) -> Path.of(value).toAbsolutePath().normalize().startsWith(own) ? Path.of(value)
                    : resolve(option, value);
        }

        /**
         * Only files and folders under {@code dirs} (real paths, links followed). A path outside gets the same answer
         * whether it exists or not, and no answer quotes it: a caller learns nothing of the rest of the disk.
         */
        static Paths within(List<Path> dirs) {
            return (option, value) -> {
                Path path = Path.of(value).toAbsolutePath().normalize();
                String outside = "--" + option + " is outside the folders imports may read over the API "
                        + "(santegraph.import.allowed-dirs = " + dirs + ")";
                if (dirs.stream().noneMatch(path::startsWith)) {
                    throw new InvalidArgumentException(outside);
                }
                Path real;
                try {
                    real = path.toRealPath(); // a symbolic link must not lead outside the allowed folders
                } catch (IOException e) {
                    throw new InvalidArgumentException("--" + option + " " + value + " does not exist");
                }
                if (dirs.stream().noneMatch(real::startsWith)) {
                    throw new InvalidArgumentException(outside);
                }
                return real;
            };
        }
    }

    public static ImportRequest parse(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new InvalidArgumentException("missing source: import <source> [--option value ...]");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new InvalidArgumentException("unexpected argument '" + argument + "': options look like --dir <folder>");
            }
            String name = argument.substring(2);
            int equals = name.indexOf('=');
            if (equals >= 0) {
                options.put(name.substring(0, equals), name.substring(equals + 1));
            } else if (i + 1 < arguments.size() && !arguments.get(i + 1).startsWith("--")) {
                options.put(name, arguments.get(++i));
            } else {
                options.put(name, "true");
            }
        }
        return new ImportRequest(arguments.get(0), Map.copyOf(options), Paths.ANY);
    }

    public static ImportRequest of(String source, String... keyValues) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            options.put(keyValues[i], keyValues[i + 1]);
        }
        return new ImportRequest(source, Map.copyOf(options));
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    /** A folder option that must exist. */
    public Path directory(String name) {
        Path dir = paths.resolve(name, option(name).orElseThrow(() ->
                new InvalidArgumentException("import " + source + " needs --" + name + " <folder>")));
        if (!Files.isDirectory(dir)) {
            throw new InvalidArgumentException("--" + name + " " + dir.toAbsolutePath() + " is not a folder");
        }
        return dir;
    }

    /** A file option that must be given and exist. */
    public Path file(String name) {
        return optionalFile(name).orElseThrow(() ->
                new InvalidArgumentException("import " + source + " needs --" + name + " <file>"));
    }

    /** A file option that may be left out, but must exist when given. */
    public Optional<Path> optionalFile(String name) {
        return option(name).map(value -> paths.resolve(name, value)).map(path -> {
            if (!Files.isRegularFile(path)) {
                throw new InvalidArgumentException("--" + name + " " + path.toAbsolutePath() + " is not a file");
            }
            return path;
        });
    }

    /** A flag such as {@code --allow-mass-retirement}: given without a value, or as {@code =true}. */
    public boolean flag(String name) {
        return option(name).map(value -> {
            if (!value.equals("true") && !value.equals("false")) {
                throw new InvalidArgumentException("--" + name + " takes no value (found '" + value + "')");
            }
            return Boolean.parseBoolean(value);
        }).orElse(false);
    }

    public List<String> list(String name) {
        return option(name).map(value -> Arrays.stream(value.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }
}
