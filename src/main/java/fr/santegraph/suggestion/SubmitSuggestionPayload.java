package fr.santegraph.suggestion;

/** The outcomes of {@code submitSuggestion}: expected failures are data, not errors. */
public sealed interface SubmitSuggestionPayload {

    record SuggestionSubmitted(Suggestion suggestion) implements SubmitSuggestionPayload {
    }

    record SuggestionRejected(String reason) implements SubmitSuggestionPayload {
    }

    record RateLimited(int retryAfterSeconds) implements SubmitSuggestionPayload {
    }
}
