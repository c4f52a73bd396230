package fr.santegraph.common;

/** The direction of an {@code orderBy} (GraphQL {@code SortDirection}). */
public enum SortDirection {
    ASC, DESC
}
