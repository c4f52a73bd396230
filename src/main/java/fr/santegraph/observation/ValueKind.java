package fr.santegraph.observation;

import java.util.Locale;
import java.util.Optional;

/**
 * What an indicator's value is, which says where its count lies: a {@code COUNT} is its own count (the numerator
 * when one is given, else the value); a {@code RATIO} (a rate, mean or share) has its count in the numerator, or,
 * published as a rate with its denominator only, in value × denominator at the unit's scale.
 */
public enum ValueKind {
    COUNT,
    RATIO;

    /** {@code count}, or {@code ratio}, {@code rate}, {@code mean}, {@code share} (any case); empty for blank. */
    static Optional<ValueKind> parse(String text) {
        String word = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return switch (word) {
            case "" -> Optional.empty();
            case "count", "effectif", "nombre" -> Optional.of(COUNT);
            case "ratio", "rate", "taux", "mean", "moyenne", "share", "part" -> Optional.of(RATIO);
            default -> throw new IllegalArgumentException("kind '" + text
                    + "' is neither count nor ratio (rate, mean, share)");
        };
    }
}
