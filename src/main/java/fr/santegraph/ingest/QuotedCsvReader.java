package fr.santegraph.ingest;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams the records of an RFC 4180 CSV file (quoted fields may hold the separator, doubled quotes and line
 * breaks), with the line each record starts on, for rejection reports. CRLF and LF line ends are both accepted.
 */
public final class QuotedCsvReader implements Closeable {

    private final Reader in;
    private final String fileName;
    private final char separator;
    private int pending = -2;
    private long line = 1;
    private long recordLine;

    public QuotedCsvReader(Reader in, String fileName, char separator) {
        this.in = in;
        this.fileName = fileName;
        this.separator = separator;
    }

    /** The line (1-based) on which the last record returned by {@link #next()} starts. */
    public long recordLine() {
        return recordLine;
    }

    /** The next record, or null at the end of the file; a record never ends inside an open quote. */
    public List<String> next() throws IOException {
        int c = read();
        if (c == -1) {
            return null;
        }
        recordLine = line;
        List<String> fields = new ArrayList<>(24);
        StringBuilder field = new StringBuilder(64);
        boolean quoted = false;
        boolean wasQuoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new ImportFailedException(fileName + ":" + recordLine + ": a quoted field is never closed");
                }
                if (c == '"') {
                    int nextChar = read();
                    if (nextChar == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = nextChar;
                        continue;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append((char) c);
                }
            } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == -1) {
                if (c == '\n') {
                    line++;
                }
                fields.add(field.toString());
                return fields;
            } else if (c == '\r') {
                int nextChar = read();
                if (nextChar != '\n') {
                    unread(nextChar);
                }
                line++;
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    private int read() throws IOException {
        if (pending != -2) {
            int c = pending;
            pending = -2;
            return c;
        }
        return in.read();
    }

    private void unread(int c) {
        pending = c;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
