package fr.santegraph.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * Streams the records of a published delimited file on Jackson's CSV parser: the charset checked strictly (a file in
 * another charset fails with its name and line instead of loading mangled names), BOM and CRLF accepted, quoting as the
 * {@link DelimitedFormat} says, zip and gzip input read in place, the line each record starts on kept for rejections.
 * Blank lines are skipped.
 */
public final class DelimitedReader implements Closeable {

    private static final CsvMapper MAPPER = new CsvMapper();
    private static final int SNIFF_BYTES = 8192;

    /** One record: the line it starts on and its fields (a trailing separator ends no field). */
    public record Row(long line, List<String> fields) {

        public String field(@Nullable int index) {
            return index < fields.size() ? fields.get(index) : "";
        }

        /**
         * False when a field holds control characters other than tab: binary data in a text file (a corrupt download,
         * a compressed file concatenated to text), which a row mapper reports as such rather than as a column count.
         */
        public boolean isText() {
            for (String field : fields) {
                for (int i = 0; i < field.length(); i++) {
                    char c = field.charAt(i);
                    if ((c < 0x20 && c != '\t') || c == '\uFFFD') {
                        return false;
                    }
                }
            }
            return true;
        }
    }

    private final DataFile file;
    private final DelimitedFormat format;
    private final Charset charset;
    private final CsvParser parser;
    private final LineTrackingReader text;
    private final @Nullable List<String> header;
    private final Map<String, Integer> columns;
    private final int width;

    private DelimitedReader(DataFile file, DelimitedFormat format, Charset charset, LineTrackingReader text)
            throws IOException {
        this.file = file;
        this.format = format;
        this.charset = charset;
        this.text = text;
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(format.separator()).withoutEscapeChar();
        schema = format.quoted() ? schema.withQuoteChar('"') : schema.withoutQuoteChar();
        this.parser = MAPPER.getFactory().createParser(text);
        parser.setSchema(schema);
        parser.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<String> names = List.of();
        for (int i = 0; i < format.headerRows(); i++) {
            Row row = next();
            if (row == null) {
                names = null;
                break;
            }
            names = row.fields();
        }
        this.header = names == null ? null : stripBom(names);
        this.columns = columnsOf(header == null ? List.of() : header);
        this.width = header == null ? 0 : header.size();
    }

    /** Opens a file in this format; its header rows (if any) are read at once. */
    public static DelimitedReader open(DataFile file, DelimitedFormat format) throws IOException {
        Charset charset = format.charset() != null ? format.charset() : sniffCharset(file);
        LineTrackingReader text = new LineTrackingReader(file.open(), charset);
        try {
            return new DelimitedReader(file, format, charset, text);
        } catch (IOException | RuntimeException e) {
            text.close();
            throw e;
        }
    }

    /** Opens a plain, gzipped or single-entry zip file. */
    public static DelimitedReader open(Path path, DelimitedFormat format) throws IOException {
        return open(DataFile.of(path), format);
    }

    /** The header's names (the last header row), BOM removed; null for an empty file. */
    public @Nullable List<String> header() {
        return header;
    }

    /** Column positions by header name (first occurrence wins; names stripped). */
    public Map<String, Integer> columns() {
        return columns;
    }

    /** The number of columns the header names. */
    public int width() {
        return width;
    }

    public DataFile file() {
        return file;
    }

    /** The name rejections and errors use. */
    public String name() {
        return file.describe();
    }

    /** The header, or a failure naming the file when it is empty. */
    public List<String> requireHeader(String expected) {
        if (header == null) {
            throw new ImportFailedException(name() + ": empty file, expected " + expected);
        }
        return header;
    }

    /** The next record, or null at the end; blank lines are skipped. */
    public @Nullable Row next() throws IOException {
        try {
            while (true) {
                JsonToken token = parser.nextToken();
                while (token != null && token != JsonToken.START_ARRAY) {
                    token = parser.nextToken();
                }
                if (token == null) {
                    return null;
                }
                long line = -1;
                List<String> fields = new ArrayList<>(width == 0 ? 16 : width + 1);
                while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                    if (token == null) {
                        throw new ImportFailedException(name() + ":" + line + ": the file ends inside a quoted field");
                    }
                    if (line < 0) {
                        // The parser's physical line, on the record's first field (its array start is not located).
                        line = parser.currentTokenLocation().getLineNr();
                    }
                    fields.add(parser.getText());
                }
                if (format.trailingSeparator() && fields.size() > 1 && fields.get(fields.size() - 1).isEmpty()) {
                    fields.remove(fields.size() - 1);
                }
                if (fields.size() > 1 || (fields.size() == 1 && !fields.get(0).isBlank())) {
                    return new Row(line, fields);
                }
            }
        } catch (LineTrackingReader.InvalidTextException e) {
            throw new ImportFailedException(name() + ": not valid " + charset + " text at line " + e.line
                    + " (" + expectedCharset() + ")", e);
        } catch (JsonProcessingException e) {
            throw new ImportFailedException(name() + ":" + parser.currentLocation().getLineNr() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private String expectedCharset() {
        return charset.equals(StandardCharsets.UTF_8) ? "the file is published in UTF-8" : "expected " + charset;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static List<String> stripBom(List<String> names) {
        if (names.isEmpty() || !names.get(0).startsWith("\uFEFF")) {
            return Collections.unmodifiableList(names);
        }
        List<String> stripped = new ArrayList<>(names);
        stripped.set(0, names.get(0).substring(1));
        return Collections.unmodifiableList(stripped);
    }

    /** Column positions by header name (first occurrence wins). */
    public static Map<String, Integer> columnsOf(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
        return Collections.unmodifiableMap(columns);
    }

    /** The candidate that occurs most often in the first line (the first candidate when none does). */
    public static char sniffSeparator(DataFile file, char... candidates) throws IOException {
        byte[] head = file.head(SNIFF_BYTES);
        char best = candidates[0];
        int bestCount = 0;
        for (char candidate : candidates) {
            int count = 0;
            for (int i = 0; i < head.length && head[i] != '\n'; i++) {
                if (head[i] == candidate) {
                    count++;
                }
            }
            if (count > bestCount) {
                best = candidate;
                bestCount = count;
            }
        }
        return best;
    }

    /** UTF-8 when the first line is valid UTF-8 (the sniffed block may cut a character in two), else ISO-8859-1. */
    static Charset sniffCharset(DataFile file) throws IOException {
        byte[] head = file.head(SNIFF_BYTES);
        int end = 0;
        while (end < head.length && head[end] != '\n') {
            end++;
        }
        if (end == head.length) {
            end = completeUtf8Prefix(head);
        }
        return isUtf8(head, end) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
    }

    /** True when the first {@code length} bytes are valid UTF-8. */
    public static boolean isUtf8(byte[] bytes, int length) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            decoder.decode(ByteBuffer.wrap(bytes, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Length of the prefix that ends on a whole UTF-8 character. */
    static int completeUtf8Prefix(byte[] bytes) {
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
}
