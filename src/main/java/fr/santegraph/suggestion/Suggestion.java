package fr.santegraph.suggestion;

import java.time.OffsetDateTime;

/** A stored suggestion; the author's contact is kept in the graph for editors but not served here. */
public record Suggestion(String id, SuggestionKind kind, String title, String reason, String concerns,
                         OffsetDateTime submittedAt) {
}
