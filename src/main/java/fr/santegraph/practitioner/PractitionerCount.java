package fr.santegraph.practitioner;

import fr.santegraph.territory.Territory;

/**
 * Distinct active practitioners of one group in one territory, as published: {@code count} is null and
 * {@code masked} true when the small-count rule hides it from the caller.
 */
public record PractitionerCount(Territory territory, String code, String label, Long count, boolean masked) {

    PractitionerCount withPublished(fr.santegraph.disclosure.PublishedCount published) {
        return new PractitionerCount(territory, code, label, published.value(), published.masked());
    }
}
