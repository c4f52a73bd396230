package fr.santegraph.territory;

/** GraphQL {@code TerritoryFilter}. */
public record TerritoryFilter(TerritoryLevel level, String nameContains, String within, Boolean includeRetired) {

    public static final TerritoryFilter NONE = new TerritoryFilter(null, null, null, false);

    boolean retiredIncluded() {
        return Boolean.TRUE.equals(includeRetired);
    }
}
