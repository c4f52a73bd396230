package fr.santegraph.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments of one import: its source name and {@code --option value} pairs, e.g.
 * {@code import territories --dir ../shared/data/territories}.
 */
public record ImportRequest(String source, Map<String, String> options) {

    public static ImportRequest parse(List<String> arguments) {
        if (arguments.isEmpty()) {
            throw new IllegalArgumentException("missing source: import <source> [--option value ...]");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (!argument.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + argument + "': options look like --dir <folder>");
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
        return new ImportRequest(arguments.get(0), Map.copyOf(options));
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
        Path dir = Path.of(option(name).orElseThrow(() ->
                new IllegalArgumentException("import " + source + " needs --" + name + " <folder>")));
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--" + name + " " + dir.toAbsolutePath() + " is not a folder");
        }
        return dir;
    }

    /** A file option that must be given and exist. */
    public Path file(String name) {
        return optionalFile(name).orElseThrow(() ->
                new IllegalArgumentException("import " + source + " needs --" + name + " <file>"));
    }

    /** A file option that may be left out, but must exist when given. */
    public Optional<Path> optionalFile(String name) {
        return option(name).map(Path::of).map(path -> {
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("--" + name + " " + path.toAbsolutePath() + " is not a file");
            }
            return path;
        });
    }

    /** A flag such as {@code --allow-mass-retirement}: given without a value, or as {@code =true}. */
    public boolean flag(String name) {
        return option(name).map(value -> {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("--" + name + " takes no value (found '" + value + "')");
            }
            return Boolean.parseBoolean(value);
        }).orElse(false);
    }

    public List<String> list(String name) {
        return option(name).map(value -> Arrays.stream(value.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).toList()).orElse(List.of());
    }
}
