package fr.santegraph.ingest;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import org.neo4j.driver.types.IsoDuration;
import org.neo4j.driver.types.Point;

/**
 * One file in the CSV format of Neo4j's offline importer ({@code neo4j-admin database import}): a typed header,
 * strings quoted, arrays joined by {@link #ARRAY_DELIMITER}. Each value is written by its Java type (what the
 * driver returns, or what an importer's row holds); the header says what the importer makes of it.
 */
public final class ImporterCsv implements Closeable {

    /** Between the elements of an array: a control character no published text holds (checked as written). */
    public static final char ARRAY_DELIMITER = '\u001F';

    private final Path path;
    private final BufferedWriter out;
    private final int width;
    private final StringBuilder line = new StringBuilder(512);
    private boolean multiline;
    private long rows;

    private ImporterCsv(Path path, List<String> header) throws IOException {
        this.path = path;
        this.out = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        this.width = header.size();
        for (int i = 0; i < header.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(header.get(i));
        }
        out.write(line.append('\n').toString());
    }

    /** A new file at {@code path} (which must not exist) with these header cells, e.g. {@code id:ID(Site)}, {@code name}. */
    public static ImporterCsv create(Path path, List<String> header) throws IOException {
        return new ImporterCsv(path, header);
    }

    /** One row, a value per header cell ({@code null}: no property). */
    public void row(Object... values) throws IOException {
        if (values.length != width) {
            throw new IllegalArgumentException(path.getFileName() + ": " + values.length + " values for " + width + " columns");
        }
        line.setLength(0);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            append(values[i]);
        }
        out.write(line.append('\n').toString());
        rows++;
    }

    private void append(Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof String text) {
            quoted(text);
        } else if (value instanceof List<?> list) {
            // Empty lists are not written by the writers either: an empty cell is no property.
            line.append('"');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    line.append(ARRAY_DELIMITER);
                }
                String element = scalar(list.get(i));
                if (element.indexOf(ARRAY_DELIMITER) >= 0) {
                    throw new IllegalArgumentException(path.getFileName() + ": an array element holds U+001F: " + element);
                }
                escaped(element);
            }
            line.append('"');
        } else if (value instanceof Point point) {
            line.append('"').append(point(point)).append('"');
        } else {
            line.append(scalar(value));
        }
    }

    private static String scalar(Object value) {
        if (value instanceof Double number && !Double.isFinite(number)) {
            // The importer reads NaN and Infinity as strings of a double column: refused rather than changed.
            throw new IllegalArgumentException("a non-finite double: " + number);
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof TemporalAccessor || value instanceof IsoDuration) {
            return value.toString();
        }
        throw new IllegalArgumentException("no importer format for a " + value.getClass().getName() + ": " + value);
    }

    /** The importer's point literal, its coordinate reference system named. */
    private static String point(Point point) {
        return switch (point.srid()) {
            case 4326 -> "{crs:WGS-84,longitude:" + point.x() + ",latitude:" + point.y() + "}";
            case 4979 -> "{crs:WGS-84-3D,longitude:" + point.x() + ",latitude:" + point.y() + ",height:" + point.z() + "}";
            case 7203 -> "{crs:cartesian,x:" + point.x() + ",y:" + point.y() + "}";
            case 9157 -> "{crs:cartesian-3D,x:" + point.x() + ",y:" + point.y() + ",z:" + point.z() + "}";
            default -> throw new IllegalArgumentException("a point of unknown SRID " + point.srid());
        };
    }

    private void quoted(String text) {
        line.append('"');
        escaped(text);
        line.append('"');
    }

    private void escaped(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                line.append('"');
            } else if (c == '\n' || c == '\r') {
                multiline = true;
            }
            line.append(c);
        }
    }

    /** Whether a value spans lines: the importer must then be told this file has multi-line fields. */
    public boolean multiline() {
        return multiline;
    }

    public long rows() {
        return rows;
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
