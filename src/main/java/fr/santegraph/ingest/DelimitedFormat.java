package fr.santegraph.ingest;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.lang.Nullable;

/**
 * How a published delimited file is written.
 *
 * @param separator         the field separator
 * @param quoted            RFC 4180 quoting (a quoted field may hold the separator, doubled quotes and line breaks);
 *                          false: a {@code "} is a character like any other (the RPPS extraction, La Poste)
 * @param trailingSeparator every line ends with one more separator (the RPPS extraction), which ends no field
 * @param charset           the text's charset; null: UTF-8 when the header line is valid UTF-8, else ISO-8859-1
 *                          (La Poste publishes both)
 * @param headerRows        rows before the data; the last one names the columns (0: no header)
 */
public record DelimitedFormat(char separator, boolean quoted, boolean trailingSeparator, @Nullable Charset charset,
                              int headerRows) {

    /** The ANS {@code PS_LibreAcces} files: UTF-8, {@code |}, no quoting, a trailing {@code |} on every line. */
    public static final DelimitedFormat RPPS = new DelimitedFormat('|', false, true, StandardCharsets.UTF_8, 1);

    /** An RFC 4180 CSV file with one header row. */
    public static DelimitedFormat csv(char separator, Charset charset) {
        return new DelimitedFormat(separator, true, false, charset, 1);
    }

    /** A file without quoting (La Poste's, the geocoding table) with one header row. */
    public static DelimitedFormat unquoted(char separator, @Nullable Charset charset) {
        return new DelimitedFormat(separator, false, false, charset, 1);
    }

    public DelimitedFormat withHeaderRows(int rows) {
        return new DelimitedFormat(separator, quoted, trailingSeparator, charset, rows);
    }
}
