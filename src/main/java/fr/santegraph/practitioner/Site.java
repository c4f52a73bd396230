package fr.santegraph.practitioner;

import fr.santegraph.common.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/**
 * A practice site as served by GraphQL and GeoJSON. {@code territoryId}: the territory it is located in when read
 * with it (then taken from the in-memory territories), {@link #NOWHERE} when read with it and located nowhere, else
 * null (not read: resolved in a batch).
 */
public record Site(String id, String siret, String siren, String finess, String legalEntityFiness, String name,
                   String tradeName, List<String> address, String postalCode, String communeCode, String communeName,
                   String phone, String phone2, String fax, String email, @Nullable CodedLabel sector,
                   @Nullable GeoPoint location, String locationSource,
                   @Nullable SitePlacement.UnplacedReason unplacedReason, String territoryId) {

    /** The {@code territoryId} of a site read with its territory and located in none (a site not placed). */
    static final String NOWHERE = "";

    static Site from(Value s) {
        String reason = s.get("unplacedReason").asString(null);
        return new Site(s.get("id").asString(), s.get("siret").asString(null), s.get("siren").asString(null),
                s.get("finess").asString(null), s.get("legalEntityFiness").asString(null), s.get("name").asString(null),
                s.get("tradeName").asString(null), address(s), s.get("postalCode").asString(null),
                s.get("communeCode").asString(null), s.get("communeName").asString(null), s.get("phone").asString(null),
                s.get("phone2").asString(null), s.get("fax").asString(null), s.get("email").asString(null),
                CodedLabel.of(s, "sectorCode", "sector"), GeoPoint.of(s.get("location")),
                s.get("locationSource").asString(null), reason == null ? null : SitePlacement.UnplacedReason.valueOf(reason),
                s.get("territoryId").asString(null));
    }

    /** The postal address lines in their published parts, empty ones left out. */
    private static List<String> address(Value s) {
        List<String> lines = new ArrayList<>();
        add(lines, s.get("recipientComplement").asString(null));
        add(lines, s.get("geographicComplement").asString(null));
        add(lines, String.join(" ", nonNull(s.get("streetNumber").asString(null)),
                nonNull(s.get("streetNumberRepetition").asString(null)),
                nonNull(s.get("streetType").asString(s.get("streetTypeCode").asString(null))),
                nonNull(s.get("street").asString(null))).replaceAll("\\s+", " ").strip());
        add(lines, s.get("distribution").asString(null));
        String office = s.get("cedexOffice").asString(null);
        add(lines, office != null ? office : String.join(" ", nonNull(s.get("postalCode").asString(null)),
                nonNull(s.get("communeName").asString(null))).strip());
        return lines;
    }

    private static void add(List<String> lines, String line) {
        if (line != null && !line.isBlank()) {
            lines.add(line);
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
