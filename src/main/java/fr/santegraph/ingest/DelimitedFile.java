package fr.santegraph.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Line-by-line reading of an unquoted delimited text file (La Poste's CSV, the RPPS extraction), with the
 * line number of each record and its fields addressed by header name, so column order may change.
 */
public final class DelimitedFile {

    private DelimitedFile() {
    }

    /** Splits on every delimiter, keeping empty fields; one trailing delimiter (RPPS style) ends the record. */
    public static List<String> split(String line, char delimiter, boolean trailingDelimiter) {
        List<String> fields = new ArrayList<>(64);
        int start = 0;
        int end = trailingDelimiter && !line.isEmpty() && line.charAt(line.length() - 1) == delimiter
                ? line.length() - 1 : line.length();
        for (int i = 0; i < end; i++) {
            if (line.charAt(i) == delimiter) {
                fields.add(line.substring(start, i));
                start = i + 1;
            }
        }
        fields.add(line.substring(start, end));
        return fields;
    }

    /** Column positions by header name (first occurrence wins). */
    public static Map<String, Integer> columns(List<String> header) {
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
        return columns;
    }

    /** True when the bytes are valid UTF-8. */
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

    /** A reader that fails with the file's name on the first byte sequence that is not valid in the charset. */
    public static BufferedReader strictReader(InputStream in, Charset charset) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
    }
}
