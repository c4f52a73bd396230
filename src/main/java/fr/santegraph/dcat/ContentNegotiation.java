package fr.santegraph.dcat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;

/**
 * Picks the RDF format of a response. Harvesters mostly send no Accept header: none, or a wildcard, means
 * Turtle. An explicit extension or {@code ?format=} wins over Accept.
 */
public final class ContentNegotiation {

    private ContentNegotiation() {
    }

    /** Why no format could be chosen: the caller answers 400 (unreadable request) or 406 (nothing acceptable). */
    public static final class NegotiationException extends RuntimeException {
        private final boolean notAcceptable;

        NegotiationException(String message, boolean notAcceptable) {
            super(message);
            this.notAcceptable = notAcceptable;
        }

        public boolean notAcceptable() {
            return notAcceptable;
        }
    }

    public static RdfFormat choose(@Nullable String extension, String formatParameter, String accept) {
        if (extension != null) {
            return RdfFormat.ofExtension(extension).orElseThrow(() -> new NegotiationException(
                    "unknown extension '." + extension + "': use " + extensions(), true));
        }
        if (formatParameter != null) {
            return RdfFormat.ofExtension(formatParameter.strip()).orElseThrow(() -> new NegotiationException(
                    "unknown format '" + formatParameter + "': use format=" + String.join("|", extensionList()), false));
        }
        return fromAccept(accept);
    }

    static RdfFormat fromAccept(String accept) {
        if (accept == null || accept.isBlank()) {
            return RdfFormat.TURTLE;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            throw new NegotiationException("unreadable Accept header: " + e.getMessage(), false);
        }
        // Highest quality first; the sort is stable so equal qualities keep the client's order.
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() <= 0) {
                continue;
            }
            Optional<RdfFormat> match = match(type);
            if (match.isPresent()) {
                return match.get();
            }
        }
        throw new NegotiationException("none of '" + accept + "' is served here: ask for one of "
                + String.join(", ", mediaTypes()), true);
    }

    private static Optional<RdfFormat> match(MediaType type) {
        if (type.isWildcardType()) {
            return Optional.of(RdfFormat.TURTLE);
        }
        if (type.isCompatibleWith(MediaType.APPLICATION_JSON) && !type.isWildcardSubtype()) {
            return Optional.of(RdfFormat.JSON_LD); // plain JSON clients get JSON-LD, which is JSON
        }
        for (RdfFormat format : RdfFormat.values()) {
            if (type.includes(MediaType.parseMediaType(format.mediaType()))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    private static List<String> extensionList() {
        return Arrays.stream(RdfFormat.values()).map(RdfFormat::extension).toList();
    }

    private static String extensions() {
        return String.join(", ", extensionList().stream().map(e -> "." + e).toList());
    }

    private static List<String> mediaTypes() {
        return Arrays.stream(RdfFormat.values()).map(RdfFormat::mediaType).toList();
    }
}
