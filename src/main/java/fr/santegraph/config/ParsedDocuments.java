package fr.santegraph.config;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.springframework.boot.autoconfigure.graphql.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.Nullable;

/**
 * Documents parsed and validated once, then reused: front-ends and dashboards send the same few documents with
 * other variables all day, and parsing and validating a document cost about as much as a cheap request's
 * execution. Only documents without errors are kept, bounded in number and in text; every limit of the query
 * ({@link QueryLimitsInstrumentation}, the page checks, the deadline) applies at execution, to each request.
 */
@Configuration(proxyBeanMethods = false)
class ParsedDocuments implements PreparsedDocumentProvider {

    static final int MAX_DOCUMENTS = 2_000;
    static final long MAX_CHARACTERS = 16L << 20;

    private final LinkedHashMap<String, PreparsedDocumentEntry> documents = new LinkedHashMap<>(256, 0.75f, true);
    private long characters;

    @Bean
    GraphQlSourceBuilderCustomizer parsedDocumentsKept() {
        return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(this));
    }

    @Override
    public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
            Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
        String query = input.getQuery();
        PreparsedDocumentEntry kept = kept(query);
        if (kept != null) {
            return CompletableFuture.completedFuture(kept);
        }
        PreparsedDocumentEntry entry = parseAndValidate.apply(input);
        if (!entry.hasErrors()) {
            keep(query, entry);
        }
        return CompletableFuture.completedFuture(entry);
    }

    private synchronized @Nullable PreparsedDocumentEntry kept(String query) {
        return documents.get(query);
    }

    private synchronized void keep(String query, PreparsedDocumentEntry entry) {
        if (query.length() > MAX_CHARACTERS || documents.put(query, entry) != null) {
            return;
        }
        characters += query.length();
        Iterator<Map.Entry<String, PreparsedDocumentEntry>> eldest = documents.entrySet().iterator();
        while ((documents.size() > MAX_DOCUMENTS || characters > MAX_CHARACTERS) && eldest.hasNext()) {
            characters -= eldest.next().getKey().length();
            eldest.remove();
        }
    }

    synchronized int size() {
        return documents.size();
    }
}
