package fr.santegraph.territory;

/**
 * The single-valued relations of a territory (resolved by {@link TerritoryDirectory}): its parent
 * ({@code PART_OF}), the département and region above it, the EPCI it — or, for an arrondissement or delegated
 * commune, its commune — is a {@code MEMBER_OF}, and the commune it was {@code MERGED_INTO}.
 */
enum TerritoryRelation {
    PARENT, DEPARTMENT, REGION, EPCI, MERGED_INTO
}
