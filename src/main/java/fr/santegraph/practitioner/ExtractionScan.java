package fr.santegraph.practitioner;

import fr.santegraph.ingest.DataFile;
import fr.santegraph.ingest.ImportFailedException;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipException;
import org.springframework.lang.Nullable;

/**
 * One pass over the bytes of an activity file before anything is written: whether it lists its lines in national
 * identifier order (as the ANS publishes it; a sorted file is then reconciled range by range, nothing written for
 * an unchanged practitioner), the identifiers it lists (for the retirement guard), and whether it is UTF-8 text
 * throughout, so that a broken file fails before its first batch rather than halfway. No decoding, no field split,
 * and past the identifier column eight bytes at a time: it runs alongside the read on the other core.
 */
final class ExtractionScan {

    private static final int MAX_ID_BYTES = 64;
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(
            long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long ONES = 0x0101010101010101L;
    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;

    private final boolean sorted;
    private final Identifiers identifiers;
    private final long lines;

    private ExtractionScan(boolean sorted, Identifiers identifiers, long lines) {
        this.sorted = sorted;
        this.identifiers = identifiers;
        this.lines = lines;
    }

    /**
     * True when the identifiers never decrease, in UTF-8 byte order (the code point order Neo4j compares strings by).
     * Every line with an identifier counts, even one the import will reject: a false "unsorted" only costs the slower
     * refresh, a false "sorted" would retire practitioners.
     */
    boolean sortedById() {
        return sorted;
    }

    /** Whether the file lists this national identifier on some line. */
    boolean lists(String nationalId) {
        return identifiers.contains(nationalId);
    }

    /** Whether the file lists the identifier {@code utf8[from, to)}. */
    boolean lists(byte[] utf8, int from, int to) {
        return identifiers.contains(utf8, from, to);
    }

    /** Distinct national identifiers the file lists. */
    long identifierCount() {
        return identifiers.size();
    }

    /** Data lines (the header excluded, blank lines included). */
    long lines() {
        return lines;
    }

    /** Scans {@code file}, whose identifiers are in column {@code idColumn} (0-based). */
    static ExtractionScan of(DataFile file, int idColumn) throws IOException {
        Identifiers identifiers = new Identifiers();
        boolean sorted = true;
        int delimiters = 0;
        long line = 1;
        boolean header = true;
        byte[] buffer = new byte[1 << 16];
        byte[] current = new byte[MAX_ID_BYTES];
        int length = 0;
        boolean idTooLong = false;
        // UTF-8 continuation bytes still expected: lead bytes announce 1 to 3 (overlong forms are left to the decoder).
        int pending = 0;
        try (InputStream in = file.open()) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (pending == 0 && delimiters > idColumn && !header) {
                        // Past the identifier, only a newline or a non-ASCII byte matters: eight bytes at a time.
                        while (i + 8 <= read) {
                            long word = (long) LONG.get(buffer, i);
                            long newlines = word ^ NEWLINES;
                            if ((word & HIGH_BITS) != 0 || ((newlines - ONES) & ~newlines & HIGH_BITS) != 0) {
                                break;
                            }
                            i += 8;
                        }
                        if (i >= read) {
                            break;
                        }
                    }
                    byte b = buffer[i];
                    if (b < 0) {
                        int u = b & 0xff;
                        if (pending > 0) {
                            if ((u & 0xC0) != 0x80) {
                                throw notUtf8(file, line);
                            }
                            pending--;
                        } else if (u >= 0xC2 && u <= 0xDF) {
                            pending = 1;
                        } else if (u >= 0xE0 && u <= 0xEF) {
                            pending = 2;
                        } else if (u >= 0xF0 && u <= 0xF4) {
                            pending = 3;
                        } else {
                            throw notUtf8(file, line);
                        }
                    } else if (pending > 0) {
                        throw notUtf8(file, line);
                    }
                    if (b == '\n') {
                        if (!header) {
                            sorted &= identifiers.lineEnded(current, length, idTooLong);
                        }
                        header = false;
                        delimiters = 0;
                        length = 0;
                        idTooLong = false;
                        line++;
                    } else if (b == '|') {
                        delimiters++;
                    } else if (delimiters == idColumn && !header) {
                        if (length == MAX_ID_BYTES) {
                            idTooLong = true;
                        } else {
                            current[length++] = b;
                        }
                    }
                }
            }
        } catch (ZipException | EOFException e) {
            throw new ImportFailedException(file.describe() + ": the compressed data breaks off after line " + line
                    + " (" + e.getMessage() + "; an interrupted download?)", e);
        }
        if (pending > 0) {
            throw notUtf8(file, line);
        }
        if (!header && length > 0) { // a last line without its newline counts too
            sorted &= identifiers.lineEnded(current, length, idTooLong);
        }
        long dataLines = Math.max(0, header ? 0 : length > 0 ? line - 1 : line - 2);
        return new ExtractionScan(sorted, identifiers, dataLines);
    }

    private static ImportFailedException notUtf8(DataFile file, long line) {
        return new ImportFailedException(file.describe() + ": not valid UTF-8 text at line " + line
                + " (the extraction is published in UTF-8: a corrupt download, or another file?)");
    }

    /**
     * The identifiers met, and the order check against the last one. While the file is in order (as published) they
     * are packed one after the other (~17 bytes each for the country, no object per identifier) and looked up by
     * binary search; from the first one out of order, they go to a hash set.
     */
    private static final class Identifiers {
        private final byte[] previous = new byte[MAX_ID_BYTES];
        private int previousLength = -1;
        private byte[] packed = new byte[1 << 16];
        private int[] ends = new int[1 << 12];
        private int count;
        private int used;
        private @Nullable Set<String> unordered;

        /** Records the line's identifier; false when it sorts before the previous one. A line without one is skipped. */
        boolean lineEnded(byte[] current, int length, boolean tooLong) {
            // Stripped of ASCII spaces and controls at both ends, as the import strips values.
            int start = 0;
            while (start < length && (current[start] & 0xff) <= ' ') {
                start++;
            }
            int end = length;
            while (end > start && (current[end - 1] & 0xff) <= ' ') {
                end--;
            }
            if (end == start && !tooLong) {
                return true;
            }
            int comparison = previousLength < 0 ? 1
                    : Arrays.compareUnsigned(current, start, end, previous, 0, previousLength);
            // A long or non-ASCII identifier is not one as published: the slower path is the safe one.
            boolean inOrder = !tooLong && comparison >= 0;
            for (int i = start; i < end && inOrder; i++) {
                inOrder = current[i] >= 0;
            }
            if (comparison != 0) {
                if (!inOrder && unordered == null) {
                    unordered = new HashSet<>();
                    for (int i = 0; i < count; i++) {
                        unordered.add(new String(packed, i == 0 ? 0 : ends[i - 1], ends[i] - (i == 0 ? 0 : ends[i - 1]),
                                StandardCharsets.UTF_8));
                    }
                }
                if (unordered != null) {
                    unordered.add(new String(current, start, end - start, StandardCharsets.UTF_8));
                } else {
                    append(current, start, end);
                }
            }
            System.arraycopy(current, start, previous, 0, end - start);
            previousLength = end - start;
            return inOrder;
        }

        private void append(byte[] id, int start, int end) {
            if (used + end - start > packed.length) {
                packed = Arrays.copyOf(packed, packed.length * 2);
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count * 2);
            }
            System.arraycopy(id, start, packed, used, end - start);
            used += end - start;
            ends[count++] = used;
        }

        boolean contains(String id) {
            if (unordered != null) {
                return unordered.contains(id);
            }
            byte[] key = id.getBytes(StandardCharsets.UTF_8);
            return contains(key, 0, key.length);
        }

        /** The identifier {@code key[from, to)} (UTF-8), without making a string of it while the file is in order. */
        boolean contains(byte[] key, int from, int to) {
            if (unordered != null) {
                return unordered.contains(new String(key, from, to - from, StandardCharsets.UTF_8));
            }
            int low = 0;
            int high = count - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                int comparison = Arrays.compareUnsigned(packed, middle == 0 ? 0 : ends[middle - 1], ends[middle],
                        key, from, to);
                if (comparison < 0) {
                    low = middle + 1;
                } else if (comparison > 0) {
                    high = middle - 1;
                } else {
                    return true;
                }
            }
            return false;
        }

        long size() {
            return unordered != null ? unordered.size() : count;
        }
    }
}
