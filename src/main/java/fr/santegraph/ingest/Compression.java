package fr.santegraph.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.springframework.lang.Nullable;

/**
 * What a file's first bytes say it is. Published sources come as text, as a zip (the ANS extraction) or gzipped;
 * the other archive formats are named so that a user is not told "not valid UTF-8" about a compressed file.
 */
public enum Compression {
    NONE(null),
    ZIP("a zip archive"),
    GZIP("gzip-compressed"),
    BZIP2("bzip2-compressed"),
    XZ("xz-compressed"),
    ZSTD("zstd-compressed"),
    SEVEN_ZIP("a 7-Zip archive"),
    RAR("a RAR archive");

    private final @Nullable String description;

    Compression(@Nullable String description) {
        this.description = description;
    }

    /** "a zip archive", "gzip-compressed"…; null for text. */
    public @Nullable String description() {
        return description;
    }

    /** Whether the importers read it as it is (zip entries and gzip are streamed, never unpacked to disk). */
    public boolean readable() {
        return this == NONE || this == ZIP || this == GZIP;
    }

    public static Compression of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return of(in.readNBytes(8));
        }
    }

    /** From the first bytes of a file (at least 6 for every format). */
    public static Compression of(byte[] head) {
        if (startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6)) {
            return ZIP;
        }
        if (startsWith(head, 0x1f, 0x8b)) {
            return GZIP;
        }
        if (startsWith(head, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        if (startsWith(head, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return XZ;
        }
        if (startsWith(head, 0x28, 0xb5, 0x2f, 0xfd)) {
            return ZSTD;
        }
        if (startsWith(head, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
            return SEVEN_ZIP;
        }
        if (startsWith(head, 'R', 'a', 'r', '!')) {
            return RAR;
        }
        return NONE;
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        byte[] expected = new byte[magic.length];
        for (int i = 0; i < magic.length; i++) {
            expected[i] = (byte) magic[i];
        }
        return Arrays.equals(head, 0, magic.length, expected, 0, magic.length);
    }
}
