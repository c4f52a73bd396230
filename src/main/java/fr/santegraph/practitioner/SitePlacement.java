package fr.santegraph.practitioner;

import org.springframework.lang.Nullable;

/**
 * Where a site is: its commune (from the commune code, else postal code and town), and its point (the geocoding
 * table's, else the commune centroid). A site that cannot be placed says why.
 */
record SitePlacement(@Nullable String territoryId, @Nullable Double latitude, @Nullable Double longitude,
                     @Nullable String locationSource, @Nullable UnplacedReason unplacedReason,
                     @Nullable String departmentCode) {

    /** Why a practitioner is not on the map: {@code NO_SITE} is an activity published without any site. */
    enum UnplacedReason { NO_SITE, NO_ADDRESS, NO_COMMUNE_CODE, NOT_FOUND }

    static SitePlacement of(SiteRow site, CommuneDirectory communes, GeocodingTable geocoding) {
        CommuneDirectory.Commune commune = site.communeCode() != null ? communes.byCode(site.communeCode())
                : communes.byPostalCodeAndTown(site.postalCode(), site.communeName());
        String department = commune != null ? ActivityRowMapper.departmentOfCommune(commune.code()) : site.departmentCode();
        // Without a commune the site is still counted in its département when the postal code tells it.
        String territoryId = commune != null ? commune.id() : department == null ? null : "department:" + department;
        if (!site.hasAddress()) {
            return new SitePlacement(territoryId, null, null, null, UnplacedReason.NO_ADDRESS, department);
        }
        String addressKey = site.addressKey();
        GeocodingTable.Coordinates point = addressKey == null ? null : geocoding.find(addressKey);
        if (point != null) {
            return new SitePlacement(territoryId, point.latitude(), point.longitude(), "GEOCODED", null, department);
        }
        if (commune == null) {
            return new SitePlacement(territoryId, null, null, null,
                    site.communeCode() == null ? UnplacedReason.NO_COMMUNE_CODE : UnplacedReason.NOT_FOUND, department);
        }
        if (!commune.hasCentroid()) {
            return new SitePlacement(territoryId, null, null, null, UnplacedReason.NOT_FOUND, department);
        }
        return new SitePlacement(territoryId, commune.latitude(), commune.longitude(), "COMMUNE_CENTROID", null, department);
    }
}
