package fr.santegraph.practitioner;

import java.util.Map;

/**
 * A practice site as one line describes it, keyed on the structure's technical id (which embeds its SIRET or
 * FINESS) else its SIRET or FINESS. {@code addressKey} is the key of the geocoding table; the commune fields are
 * what the line publishes, resolved against the COG by {@link CommuneDirectory}.
 */
record SiteRow(String id, Map<String, Object> properties, String communeCode, String postalCode, String communeName,
               boolean hasAddress, String addressKey, String departmentCode) {
}
