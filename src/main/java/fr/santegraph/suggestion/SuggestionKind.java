package fr.santegraph.suggestion;

public enum SuggestionKind { OPEN_DATASET, MISSING_DATASET, CORRECTION }
