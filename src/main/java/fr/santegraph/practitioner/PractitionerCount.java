package fr.santegraph.practitioner;

import fr.santegraph.territory.Territory;

/** Distinct active practitioners of one group in one territory. */
public record PractitionerCount(Territory territory, String code, String label, long count) {
}
