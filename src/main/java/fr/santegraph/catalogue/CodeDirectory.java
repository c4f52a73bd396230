package fr.santegraph.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.springframework.core.io.ClassPathResource;

/**
 * Dataset and data-service reconciliation, as for producers: the bundled {@code datasets.csv} and
 * {@code data-services.csv} give each object a code, a title and aliases (" | "-separated); a published name
 * found there gets that code, any other name the slug of itself.
 */
public final class CodeDirectory {

    private final AliasIndex index = new AliasIndex();
    private final List<CatalogueFiles.Row> rows;

    private CodeDirectory(List<CatalogueFiles.Row> rows, String titleColumn) {
        this.rows = rows;
        for (CatalogueFiles.Row row : rows) {
            String code = row.get("code");
            index.add(code, code);
            index.add(row.get(titleColumn), code);
            CatalogueFiles.list(row.get("aliases")).forEach(alias -> index.add(alias, code));
        }
    }

    public static CodeDirectory bundled(String fileName) {
        try (InputStream in = new ClassPathResource("bundled/catalogue/" + fileName).getInputStream()) {
            Path copy = Files.createTempFile("santegraph-" + fileName, ".csv");
            try {
                Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                return load(copy);
            } finally {
                Files.deleteIfExists(copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + fileName, e);
        }
    }

    public static CodeDirectory load(Path file) {
        return new CodeDirectory(CatalogueFiles.readAll(file, StandardCharsets.UTF_8, ',', 1, Set.of("code", "title", "aliases")),
                "title");
    }

    public List<CatalogueFiles.Row> rows() {
        return rows;
    }

    /** The code of a published name: the directory's when it knows the name, else the name's slug. */
    public String codeOf(String name) {
        return index.find(name).orElseGet(() -> {
            String code = Slugs.of(name);
            index.add(name, code);
            return code;
        });
    }
}
