package fr.santegraph.dcat;

import fr.santegraph.dcat.ContentNegotiation.NegotiationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.jena.rdf.model.Model;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;

/** The HTTP side shared by the RDF endpoints: negotiation errors as 400/406, bodies with their length, HEAD. */
final class RdfResponses {

    private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private RdfResponses() {
    }

    /** Chooses the format, then answers with {@code answer}; a negotiation failure is a 406 or a 400. */
    static ResponseEntity<byte[]> negotiated(@Nullable String extension, String format, String accept,
                                             Function<RdfFormat, ResponseEntity<byte[]>> answer) {
        RdfFormat chosen;
        try {
            chosen = ContentNegotiation.choose(extension, format, accept);
        } catch (NegotiationException e) {
            return error(e.notAcceptable() ? HttpStatus.NOT_ACCEPTABLE : HttpStatus.BAD_REQUEST, e.getMessage());
        }
        return answer.apply(chosen);
    }

    /** The model written in {@code format}; HEAD gets the same headers, Content-Length included, and no body. */
    static ResponseEntity<byte[]> rdf(Model model, RdfFormat format, HttpMethod method) {
        return rdf(write(model, format), format, method, CacheControl.empty());
    }

    static byte[] write(Model model, RdfFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        format.write(model, out);
        return out.toByteArray();
    }

    /** A body already written in {@code format}, with {@code cacheControl} ({@link CacheControl#empty()}: no header). */
    static ResponseEntity<byte[]> rdf(byte[] body, RdfFormat format, HttpMethod method, CacheControl cacheControl) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
                .contentLength(body.length)
                .cacheControl(cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT);
        return HttpMethod.HEAD.equals(method) ? response.build() : response.body(body);
    }

    /**
     * A body kept gzipped (a cached catalogue page): sent as is, with {@code Content-Encoding: gzip}, to a client that
     * accepts gzip — the HTTP libraries harvesters use (Python's requests, Java's) all do — else unzipped.
     */
    static ResponseEntity<byte[]> gzippedRdf(byte[] gzipped, RdfFormat format, HttpMethod method,
                                             CacheControl cacheControl, String acceptEncoding) {
        boolean asIs = acceptsGzip(acceptEncoding);
        byte[] body = asIs ? gzipped : gunzip(gzipped);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(new MediaType(MediaType.parseMediaType(format.mediaType()), StandardCharsets.UTF_8))
                .contentLength(body.length)
                .cacheControl(cacheControl)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT, HttpHeaders.ACCEPT_ENCODING);
        if (asIs) {
            response.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return HttpMethod.HEAD.equals(method) ? response.build() : response.body(body);
    }

    /** Whether an {@code Accept-Encoding} header takes gzip: named (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip().toLowerCase(Locale.ROOT);
            if (!name.equals("gzip") && !name.equals("x-gzip") && !name.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].strip().toLowerCase(Locale.ROOT).replace(" ", "");
                if (parameter.startsWith("q=")) {
                    try {
                        refused = Double.parseDouble(parameter.substring(2)) <= 0;
                    } catch (NumberFormatException e) {
                        refused = true;
                    }
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }

    /** Gzipped at the fastest level: Turtle shrinks ~7×, so the page cache holds every page of a national walk. */
    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 6 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 64 * 1024) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] gzipped) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 64 * 1024)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ResponseEntity<byte[]> error(HttpStatus status, @Nullable String message) {
        return ResponseEntity.status(status).contentType(TEXT_UTF8).body((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
