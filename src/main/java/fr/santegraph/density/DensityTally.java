package fr.santegraph.density;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Distinct practitioners per indicator and territory: one practitioner practising in two communes of an EPCI counts
 * once in the EPCI (as {@code practitionerCounts} counts them), so the levels are counted from each practitioner's
 * places, not summed from the communes'. Pure: fed one practitioner at a time.
 */
final class DensityTally {

    /** One active activity's profession and the place (commune, arrondissement…) its site is located in. */
    record Place(String profession, String placeId) {
    }

    private final Function<String, Collection<String>> territoriesOf;
    private final Map<String, Map<String, Integer>> counts = new HashMap<>();
    private long practitioners;

    /** {@code territoriesOf}: the territories, at every level counted, a place lies in (none for an unknown one). */
    DensityTally(Function<String, Collection<String>> territoriesOf) {
        this.territoriesOf = territoriesOf;
    }

    /** One active practitioner: its active activities' places and its specialties (savoir-faire codes). */
    void add(List<Place> places, Collection<String> specialties) {
        Map<String, Set<String>> seen = new HashMap<>();
        for (Place place : places) {
            Collection<String> territories = territoriesOf.apply(place.placeId());
            if (territories == null || territories.isEmpty()) {
                continue;
            }
            seen.computeIfAbsent(DensityIndicator.forProfession(place.profession()), k -> new HashSet<>())
                    .addAll(territories);
            for (String specialty : specialties) {
                seen.computeIfAbsent(DensityIndicator.forSpecialty(specialty), k -> new HashSet<>()).addAll(territories);
            }
        }
        if (seen.isEmpty()) {
            return;
        }
        practitioners++;
        seen.forEach((indicator, territories) -> {
            Map<String, Integer> byTerritory = counts.computeIfAbsent(indicator, k -> new HashMap<>());
            territories.forEach(t -> byTerritory.merge(t, 1, Integer::sum));
        });
    }

    /** Per indicator code, per territory id, the practitioners counted (territories with none are absent). */
    Map<String, Map<String, Integer>> counts() {
        return counts;
    }

    /** Practitioners counted in at least one territory. */
    long practitioners() {
        return practitioners;
    }
}
