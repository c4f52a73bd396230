package fr.santegraph.catalogue;

import fr.santegraph.ingest.DelimitedFile;
import fr.santegraph.ingest.ImportFailedException;
import fr.santegraph.ingest.QuotedCsvReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Opening the catalogue's quoted CSV files: charset check, header check, records with line numbers. */
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

    /**
     * Opens a CSV file whose charset is known (the DREES producer list is ISO-8859-1, the rest UTF-8): a file in
     * another charset fails at once with its name rather than loading mangled names.
     */
    public static QuotedCsvReader open(Path file, Charset charset, char separator) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ImportFailedException(file + ": file not found");
        }
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        if (charset.equals(StandardCharsets.UTF_8)) {
            in.mark(1 << 16);
            byte[] head = in.readNBytes(1 << 15);
            in.reset();
            if (!DelimitedFile.isUtf8(head, trimIncompleteUtf8(head))) {
                in.close();
                throw new ImportFailedException(file.getFileName() + ": not UTF-8 (expected the published UTF-8 file)");
            }
        }
        return new QuotedCsvReader(DelimitedFile.strictReader(in, charset), file.getFileName().toString(), separator);
    }

    /** Reads every record of a small file (alias lists, companion sheets). */
    public static List<Row> readAll(Path file, Charset charset, char separator, int headerRows,
                                    Set<String> requiredColumns) {
        List<Row> rows = new ArrayList<>();
        forEach(file, charset, separator, headerRows, requiredColumns, rows::add);
        return rows;
    }

    /**
     * Streams every record after {@code headerRows} header rows (the last of which names the columns); a missing
     * required column fails the whole file with its name.
     */
    public static void forEach(Path file, Charset charset, char separator, int headerRows,
                               Set<String> requiredColumns, java.util.function.Consumer<Row> action) {
        try (QuotedCsvReader reader = open(file, charset, separator)) {
            List<String> header = null;
            for (int i = 0; i < headerRows; i++) {
                header = reader.next();
            }
            if (header == null) {
                throw new ImportFailedException(file.getFileName() + ": empty file");
            }
            Map<String, Integer> columns = DelimitedFile.columns(header);
            for (String required : requiredColumns) {
                if (!columns.containsKey(required)) {
                    throw new ImportFailedException(file.getFileName() + ": no column '" + required
                            + "' in the header (found " + header + ")");
                }
            }
            for (List<String> fields = reader.next(); fields != null; fields = reader.next()) {
                if (fields.size() == 1 && fields.get(0).isBlank()) {
                    continue;
                }
                action.accept(new Row(file.getFileName().toString(), reader.recordLine(), columns, fields));
            }
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ImportFailedException(file.getFileName() + ": not valid " + charset + " text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Length of the prefix that ends on a whole UTF-8 character (the sniffed block may cut one in two). */
    private static int trimIncompleteUtf8(byte[] bytes) {
        int end = bytes.length;
        int back = 0;
        while (end - back - 1 >= 0 && back < 3 && (bytes[end - back - 1] & 0xC0) == 0x80) {
            back++;
        }
        if (end - back - 1 >= 0 && (bytes[end - back - 1] & 0xC0) == 0xC0) {
            return end - back - 1;
        }
        return end;
    }

    /** Values of a " | "-separated list cell. */
    public static List<String> list(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(cell.split("\\|")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
