package fr.santegraph.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Component;

/**
 * Automatic persisted queries (Apollo's protocol): a request may send only {@code extensions.persistedQuery
 * .sha256Hash}; an unknown hash answers {@code PersistedQueryNotFound}, and the client then sends the query with its
 * hash once, checked against it and kept (at most {@code max-entries}, least recently used dropped first), so that a
 * dashboard's GET URLs stay short and cacheable.
 */
@Component
public class PersistedQueries {

    /** What {@link #resolve} answers for a hash it does not hold. */
    static final String NOT_FOUND = "PersistedQueryNotFound";
    static final String NOT_FOUND_BODY = "{\"errors\":[{\"message\":\"PersistedQueryNotFound\",\"extensions\":"
            + "{\"code\":\"PERSISTED_QUERY_NOT_FOUND\",\"classification\":\"PERSISTED_QUERY_NOT_FOUND\"}}]}";

    private final Map<String, String> queries;

    public PersistedQueries(@Value("${santegraph.graphql.persisted-queries.max-entries:10000}") int maxEntries) {
        this.queries = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > maxEntries;
            }
        });
    }

    static boolean isPersisted(JsonNode body) {
        return body.path("extensions").has("persistedQuery");
    }

    /**
     * Completes a request body: null when its query is known (given with a matching hash, or found by it, then
     * set in the body); {@link #NOT_FOUND}; or what is wrong with it.
     */
    @Nullable String resolve(ObjectNode body) {
        JsonNode persistedQuery = body.path("extensions").path("persistedQuery");
        if (persistedQuery.isMissingNode()) {
            return body.path("query").isTextual() ? null : "query is required (or extensions.persistedQuery)";
        }
        if (persistedQuery.path("version").asInt(-1) != 1 || !persistedQuery.path("sha256Hash").isTextual()) {
            return "extensions.persistedQuery must be {version: 1, sha256Hash: …}";
        }
        String hash = persistedQuery.path("sha256Hash").asText().toLowerCase(Locale.ROOT);
        JsonNode query = body.get("query");
        if (query != null && query.isTextual()) {
            if (!sha256(query.asText().getBytes(StandardCharsets.UTF_8)).equals(hash)) {
                return "provided sha256Hash does not match the query";
            }
            queries.put(hash, query.asText());
            return null;
        }
        String known = queries.get(hash);
        if (known == null) {
            return NOT_FOUND;
        }
        body.put("query", known);
        return null;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
