package fr.santegraph.catalogue;

import fr.santegraph.ingest.DelimitedFormat;
import fr.santegraph.ingest.DelimitedReader;
import fr.santegraph.ingest.ImportFailedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/** The catalogue's RFC 4180 CSV files: charset and header checked, records with line numbers, fields by name. */
public final class CatalogueFiles {

    private CatalogueFiles() {
    }

    /** One record of a CSV file, its fields addressed by header name. */
    public record Row(String file, long line, Map<String, Integer> columns, List<String> fields) {

        /** The stripped value of a column, "" when the column or the field is missing (short rows). */
        public String get(String column) {
            Integer index = columns.get(column);
            return index == null || index >= fields.size() ? "" : fields.get(index).strip();
        }

        public String at(int index) {
            return index >= fields.size() ? "" : fields.get(index).strip();
        }
    }

    /** Reads every record of a small file (alias lists, companion sheets). */
    public static List<Row> readAll(Path file, Charset charset, char separator, int headerRows,
                                    Set<String> requiredColumns) {
        List<Row> rows = new ArrayList<>();
        forEach(file, charset, separator, headerRows, requiredColumns, rows::add);
        return rows;
    }

    /**
     * Streams every record of an RFC 4180 file in a known charset (the DREES producer list is ISO-8859-1, the rest
     * UTF-8) after {@code headerRows} header rows, the last of which names the columns; a missing required column
     * fails the whole file with its name, and so does a file in another charset rather than loading mangled names.
     */
    public static void forEach(Path file, Charset charset, char separator, int headerRows,
                               Set<String> requiredColumns, Consumer<Row> action) {
        try (DelimitedReader reader = DelimitedReader.open(file,
                DelimitedFormat.csv(separator, charset).withHeaderRows(headerRows))) {
            List<String> header = reader.requireHeader("a header row");
            Map<String, Integer> columns = reader.columns();
            for (String required : requiredColumns) {
                if (!columns.containsKey(required)) {
                    throw new ImportFailedException(reader.name() + ": no column '" + required
                            + "' in the header (it has " + header.size() + " columns; needed: " + requiredColumns + ")");
                }
            }
            for (DelimitedReader.Row row = reader.next(); row != null; row = reader.next()) {
                action.accept(new Row(reader.name(), row.line(), columns, row.fields()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Values of a " | "-separated list cell. */
    public static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
