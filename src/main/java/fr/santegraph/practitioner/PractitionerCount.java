package fr.santegraph.practitioner;

import fr.santegraph.territory.Territory;
import org.springframework.lang.Nullable;

/**
 * Distinct active practitioners of one group in one territory. Exact for every caller: the directory is public,
 * entry by entry, so a count over it hides nothing that paging would not show.
 */
public record PractitionerCount(@Nullable Territory territory, @Nullable String code, @Nullable String label,
                                long count) {

    /** Always false (see {@code PractitionerCount.masked} in the schema: deprecated). */
    public boolean masked() {
        return false;
    }
}
