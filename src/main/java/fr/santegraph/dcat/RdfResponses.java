package fr.santegraph.dcat;

import fr.santegraph.dcat.ContentNegotiation.NegotiationException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import org.apache.jena.rdf.model.Model;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HTTP side shared by the RDF endpoints: negotiation errors as 400/406, bodies with their length, HEAD. */
final class RdfResponses {

    private static final MediaType TEXT_UTF8 = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private RdfResponses() {
    }

    /** Chooses the format, then answers with {@code answer}; a negotiation failure is a 406 or a 400. */
    static ResponseEntity<byte[]> negotiated(String extension, String format, String accept,
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

    static ResponseEntity<byte[]> error(HttpStatus status, String message) {
        return ResponseEntity.status(status).contentType(TEXT_UTF8).body((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
