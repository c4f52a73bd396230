package fr.santegraph.territory;

import org.springframework.lang.Nullable;

/** GraphQL {@code TerritoryFilter}. */
public record TerritoryFilter(@Nullable TerritoryLevel level, @Nullable String nameContains, @Nullable String within,
                              Boolean includeRetired) {

    public static final TerritoryFilter NONE = new TerritoryFilter(null, null, null, false);

    boolean retiredIncluded() {
        return Boolean.TRUE.equals(includeRetired);
    }
}
