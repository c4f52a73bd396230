package fr.santegraph.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.lang.Nullable;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Queries by HTTP GET (GraphQL over HTTP): {@code /graphql?query=…&variables=…&operationName=…&extensions=…}, the
 * query or only its persisted hash ({@link PersistedQueries}). Queries only: a mutation is 405 with
 * {@code Allow: POST}. The answer carries an {@code ETag} (a matching {@code If-None-Match} is 304, no body) and,
 * for anonymous callers, {@code Cache-Control: public, max-age}: browsers and CDNs may keep it. Answers to
 * authenticated callers are {@code private, no-cache}, since what the small-count rule shows them differs. The same
 * interceptors (timeouts, result cache, limits) and servlet filters apply as to a POST; the answer is written once
 * complete, so that its ETag covers it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // not in `import` runs
public class GraphQlGetHandler {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final MediaType GRAPHQL_RESPONSE = MediaType.parseMediaType("application/graphql-response+json");

    /** Looked up at the first request: the framework defines it after this configuration. */
    private final ObjectProvider<WebGraphQlHandler> graphQl;
    private final PersistedQueries persisted;
    private final long maxAgeSeconds;
    private final Duration wait;

    public GraphQlGetHandler(ObjectProvider<WebGraphQlHandler> graphQl, PersistedQueries persisted, QueryLimitsProperties limits,
                             @Value("${santegraph.graphql.get-max-age:60s}") Duration maxAge) {
        this.graphQl = graphQl;
        this.persisted = persisted;
        this.maxAgeSeconds = maxAge.toSeconds();
        // The request's own timeout answers first; this only bounds a thread that would otherwise wait forever.
        this.wait = limits.requestTimeout().plusSeconds(30);
    }

    /** Ahead of the framework's GET route, which answers 405 to every GET. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> graphQlGetRoute() {
        return RouterFunctions.route(RequestPredicates.GET("/graphql")
                .and(request -> request.param("query").isPresent() || request.param("extensions").isPresent()), this::handle);
    }

    ServerResponse handle(ServerRequest request) throws IOException {
        ObjectNode body;
        try {
            body = body(request);
        } catch (IllegalArgumentException e) {
            return error(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        String problem = persisted.resolve(body);
        if (PersistedQueries.NOT_FOUND.equals(problem)) {
            return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(PersistedQueries.NOT_FOUND_BODY);
        }
        if (problem != null) {
            return error(HttpStatus.BAD_REQUEST, problem);
        }
        if (!isQuery(body)) {
            return ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED).header(HttpHeaders.ALLOW, "POST")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(errorBody("only queries may be sent by GET: send mutations by POST"));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = JSON.convertValue(body, Map.class);
        MultiValueMap<String, HttpCookie> cookies = new LinkedMultiValueMap<>();
        request.cookies().forEach((name, values) -> values.forEach(c -> cookies.add(name, new HttpCookie(name, c.getValue()))));
        WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(), cookies,
                request.remoteAddress().orElse(null), request.attributes(), map, UUID.randomUUID().toString(),
                request.servletRequest().getLocale());
        WebGraphQlResponse response = graphQl.getObject().handleRequest(graphQlRequest).block(wait);
        byte[] json = JSON.writeValueAsBytes(response.toMap());
        String etag = "\"" + PersistedQueries.sha256(json).substring(0, 32) + "\"";
        boolean anonymous = request.headers().firstHeader(HttpHeaders.AUTHORIZATION) == null
                && request.headers().firstHeader("X-API-Key") == null;
        ServerResponse.BodyBuilder builder = ServerResponse.ok().eTag(etag)
                .header(HttpHeaders.VARY, "Accept, Authorization, X-API-Key")
                .header(HttpHeaders.CACHE_CONTROL, anonymous ? "public, max-age=" + maxAgeSeconds : "private, no-cache")
                .headers(headers -> response.getResponseHeaders().forEach(headers::addAll));
        List<String> ifNoneMatch = request.headers().header(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch.stream().flatMap(value -> List.of(value.split("\\s*,\\s*")).stream()).anyMatch(etag::equals)) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(etag)
                    .header(HttpHeaders.CACHE_CONTROL, anonymous ? "public, max-age=" + maxAgeSeconds : "private, no-cache")
                    .build();
        }
        boolean graphQlResponse = request.headers().accept().stream().anyMatch(GRAPHQL_RESPONSE::isCompatibleWith);
        return builder.contentType(graphQlResponse ? GRAPHQL_RESPONSE : MediaType.APPLICATION_JSON).body(json);
    }

    private static ObjectNode body(ServerRequest request) {
        ObjectNode body = JSON.createObjectNode();
        request.param("query").ifPresent(query -> body.put("query", query));
        request.param("operationName").filter(name -> !name.isEmpty()).ifPresent(name -> body.put("operationName", name));
        for (String member : new String[] {"variables", "extensions"}) {
            var value = request.param(member).filter(text -> !text.isEmpty());
            if (value.isPresent()) {
                JsonNode parsed;
                try {
                    parsed = JSON.readTree(value.get());
                } catch (IOException e) {
                    parsed = null;
                }
                if (!(parsed instanceof ObjectNode)) {
                    throw new IllegalArgumentException(member + " must be a JSON object, URL-encoded");
                }
                body.set(member, parsed);
            }
        }
        return body;
    }

    /** Whether the operation the request selects is a query (a document that does not parse is left to GraphQL). */
    private static boolean isQuery(ObjectNode body) {
        Document document;
        try {
            document = Parser.parse(body.path("query").asText());
        } catch (RuntimeException e) {
            return true;
        }
        String name = body.path("operationName").isTextual() ? body.path("operationName").asText() : null;
        List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class);
        return operations.stream()
                .filter(operation -> name == null ? operations.size() == 1 : name.equals(operation.getName()))
                .allMatch(operation -> operation.getOperation() == OperationDefinition.Operation.QUERY);
    }

    private static ServerResponse error(HttpStatus status, @Nullable String message) throws IOException {
        return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON).body(errorBody(message));
    }

    private static byte[] errorBody(@Nullable String message) throws IOException {
        return JSON.writeValueAsBytes(Map.of("errors", List.of(Map.of("message", message,
                "extensions", Map.of("classification", "BAD_REQUEST")))));
    }
}
