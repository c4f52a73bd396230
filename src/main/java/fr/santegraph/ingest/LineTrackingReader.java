package fr.santegraph.ingest;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * Decodes bytes strictly, counting line ends, so that a byte sequence that is not valid in the charset is reported at
 * its own line rather than where the parser's read-ahead happened to be (an {@code InputStreamReader} fails on the
 * first read of the block that holds it).
 */
final class LineTrackingReader extends Reader {

    /** A byte sequence that is not valid in the charset, and the line it is on. */
    static final class InvalidTextException extends CharConversionException {
        final long line;

        InvalidTextException(long line) {
            super("invalid text at line " + line);
            this.line = line;
        }
    }

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).flip();
    private boolean endOfInput;
    private boolean flushed;
    /** Line ends handed out so far. */
    private long lineEnds;

    LineTrackingReader(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public int read(char[] buffer, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, off, len);
        while (out.position() == off) {
            if (!bytes.hasRemaining() && !endOfInput) {
                fill();
            }
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            if (result.isError()) {
                countLineEnds(buffer, off, out.position() - off);
                throw new InvalidTextException(lineEnds + 1);
            }
            if (endOfInput && result.isUnderflow()) {
                if (!flushed) {
                    decoder.flush(out);
                    flushed = true;
                }
                if (out.position() == off) {
                    return -1;
                }
            } else if (result.isUnderflow() && !endOfInput) {
                if (out.position() > off) {
                    break;
                }
                fill();
            }
        }
        int read = out.position() - off;
        countLineEnds(buffer, off, read);
        return read;
    }

    private void fill() throws IOException {
        bytes.compact();
        int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (read < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + read);
        }
        bytes.flip();
    }

    private void countLineEnds(char[] buffer, int off, int length) {
        for (int i = off; i < off + length; i++) {
            if (buffer[i] == '\n') {
                lineEnds++;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
