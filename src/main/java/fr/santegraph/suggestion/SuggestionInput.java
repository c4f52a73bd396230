package fr.santegraph.suggestion;

public record SuggestionInput(SuggestionKind kind, String title, String reason, String concerns, String contact) {
}
