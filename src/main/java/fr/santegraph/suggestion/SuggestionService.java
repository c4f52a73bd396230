package fr.santegraph.suggestion;

import fr.santegraph.common.CountedConnection;
import fr.santegraph.common.PageRequest;
import fr.santegraph.common.Pagination;
import fr.santegraph.common.ReadTransaction;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.lang.Nullable;
import org.springframework.stereotype.Service;

@Service
public class SuggestionService {

    static final int MAX_TITLE = 300;
    static final int MAX_REASON = 5_000;

    private final Neo4jClient neo4j;
    private final Pagination pagination;
    private final RateLimiter limiter;

    public SuggestionService(Neo4jClient neo4j, Pagination pagination,
                             @Value("${santegraph.suggestions.per-client-per-hour:5}") int perHour) {
        this.neo4j = neo4j;
        this.pagination = pagination;
        this.limiter = new RateLimiter(perHour, Duration.ofHours(1), Clock.systemUTC());
    }

    public SubmitSuggestionPayload submit(SuggestionInput input, String client) {
        String problem = problem(input);
        if (problem != null) {
            return new SubmitSuggestionPayload.SuggestionRejected(problem);
        }
        long wait = limiter.acquire(client);
        if (wait > 0) {
            return new SubmitSuggestionPayload.RateLimited((int) wait);
        }
        var suggestion = new Suggestion(UUID.randomUUID().toString(), input.kind(), input.title().strip(),
                input.reason().strip(), input.concerns(), OffsetDateTime.now(ZoneOffset.UTC));
        neo4j.query("""
                        CREATE (s:Suggestion {id: $id, kind: $kind, title: $title, reason: $reason, concerns: $concerns,
                                              contact: $contact, client: $client, submittedAt: $submittedAt})
                        WITH s
                        OPTIONAL MATCH (target) WHERE $concerns IS NOT NULL AND (target:Dataset OR target:Producer)
                                                  AND target.id = $concerns
                        FOREACH (t IN CASE WHEN target IS NULL THEN [] ELSE [target] END | MERGE (s)-[:CONCERNS]->(t))
                        """)
                .bind(suggestion.id()).to("id").bind(suggestion.kind().name()).to("kind")
                .bind(suggestion.title()).to("title").bind(suggestion.reason()).to("reason")
                .bind(suggestion.concerns()).to("concerns").bind(input.contact()).to("contact")
                .bind(client).to("client").bind(suggestion.submittedAt()).to("submittedAt")
                .run();
        return new SubmitSuggestionPayload.SuggestionSubmitted(suggestion);
    }

    private static @Nullable String problem(SuggestionInput input) {
        if (input.title() == null || input.title().isBlank()) {
            return "a title is required";
        }
        if (input.reason() == null || input.reason().isBlank()) {
            return "a reason is required";
        }
        if (input.title().length() > MAX_TITLE || input.reason().length() > MAX_REASON) {
            return "the title is limited to " + MAX_TITLE + " characters and the reason to " + MAX_REASON;
        }
        return null;
    }

    @ReadTransaction
    public CountedConnection<Suggestion> list(PageRequest page) {
        List<Suggestion> items = List.copyOf(neo4j.query("""
                        MATCH (s:Suggestion) WITH s ORDER BY s.submittedAt DESC, s.id SKIP $offset LIMIT $limit
                        RETURN s.id AS id, s.kind AS kind, s.title AS title, s.reason AS reason, s.concerns AS concerns,
                               s.submittedAt AS submittedAt""")
                .bind(page.offset()).to("offset").bind(page.limit()).to("limit")
                .fetchAs(Suggestion.class).mappedBy((types, r) -> new Suggestion(r.get("id").asString(),
                        SuggestionKind.valueOf(r.get("kind").asString()), r.get("title").asString(),
                        r.get("reason").asString(), r.get("concerns").asString(null), r.get("submittedAt").asOffsetDateTime()))
                .all());
        long total = neo4j.query("MATCH (s:Suggestion) RETURN count(s)").fetchAs(Long.class).one().orElse(0L);
        return pagination.connection(items, page, total);
    }
}
