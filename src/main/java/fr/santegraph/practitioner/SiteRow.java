package fr.santegraph.practitioner;

import java.util.Map;
import org.springframework.lang.Nullable;

/**
 * A practice site as one line describes it, keyed on the structure's technical id (which embeds its SIRET or
 * FINESS) else its SIRET or FINESS. {@code addressKey} is the key of the geocoding table; the commune fields are
 * what the line publishes, resolved against the COG by {@link CommuneDirectory}.
 */
record SiteRow(String id, Map<String, Object> properties, @Nullable String communeCode, @Nullable String postalCode,
               @Nullable String communeName, boolean hasAddress, @Nullable String addressKey,
               @Nullable String departmentCode) {
}
