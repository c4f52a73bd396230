package fr.santegraph.disclosure;

import org.springframework.lang.Nullable;

/** A count as published: its value, or null with {@code masked} when the small-count rule hides it. */
public record PublishedCount(@Nullable Long value, boolean masked) {

    public static PublishedCount shown(long value) {
        return new PublishedCount(value, false);
    }

    public static final PublishedCount MASKED = new PublishedCount(null, true);
}
