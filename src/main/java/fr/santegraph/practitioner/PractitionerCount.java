package fr.santegraph.practitioner;

import fr.santegraph.territory.Territory;

/**
 * Distinct active practitioners of one group in one territory. Exact for every caller: the directory is public,
 * entry by entry, so a count over it hides nothing that paging would not show.
 */
public record PractitionerCount(Territory territory, String code, String label, long count) {

    /** Always false (see {@code PractitionerCount.masked} in the schema: deprecated). */
    public boolean masked() {
        return false;
    }
}
