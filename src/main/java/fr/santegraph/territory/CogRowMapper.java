package fr.santegraph.territory;

import com.fasterxml.jackson.databind.JsonNode;
import fr.santegraph.ingest.RowException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.lang.Nullable;

/**
 * Maps the elements of Etalab's {@code decoupage-administratif} JSON (the Code officiel géographique) to
 * territory rows. Pure: no I/O, every bad element is a {@link RowException} with its reason.
 */
public final class CogRowMapper {

    static final Pattern REGION_CODE = Pattern.compile("\\d{2}|9[78]\\d");
    static final Pattern DEPARTMENT_CODE = Pattern.compile("\\d{2}|2[AB]|97\\d|98\\d");
    static final Pattern COMMUNE_CODE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");
    static final Pattern EPCI_CODE = Pattern.compile("\\d{9}");
    private static final String OVERSEAS_COLLECTIVITY_ZONE = "com";

    private CogRowMapper() {
    }

    /** regions.json: the 18 regions, and the overseas collectivities (zone {@code com}) as their own level. */
    public static TerritoryRow region(JsonNode json, long line) {
        String code = code(json, REGION_CODE);
        boolean collectivity = OVERSEAS_COLLECTIVITY_ZONE.equals(text(json, "zone"));
        return new TerritoryRow(collectivity ? TerritoryLevel.OVERSEAS_COLLECTIVITY : TerritoryLevel.REGION, code,
                name(json), null, properties(json, "zone", "chefLieu"), List.of(), List.of(), line);
    }

    /**
     * departements.json. The overseas collectivities appear there a second time (zone {@code com}); they are
     * the same territories as in regions.json, so they map to nothing here.
     */
    public static Optional<TerritoryRow> department(JsonNode json, long line) {
        if (OVERSEAS_COLLECTIVITY_ZONE.equals(text(json, "zone"))) {
            return Optional.empty();
        }
        String code = code(json, DEPARTMENT_CODE);
        String region = required(json, "region");
        return Optional.of(new TerritoryRow(TerritoryLevel.DEPARTMENT, code, name(json),
                TerritoryLevel.REGION.id(region), properties(json, "zone", "chefLieu", "region"), List.of(),
                List.of(), line));
    }

    /** communes.json: current communes, Paris/Lyon/Marseille arrondissements, delegated and associated communes. */
    public static TerritoryRow commune(JsonNode json, long line) {
        String type = required(json, "type");
        String code = code(json, COMMUNE_CODE);
        Map<String, Object> properties = properties(json, "zone", "departement", "region", "siren", "population",
                "arrondissement");
        return switch (type) {
            case "commune-actuelle" -> {
                String department = required(json, "departement");
                String parent = OVERSEAS_COLLECTIVITY_ZONE.equals(text(json, "zone"))
                        ? TerritoryLevel.OVERSEAS_COLLECTIVITY.id(department)
                        : TerritoryLevel.DEPARTMENT.id(department);
                yield new TerritoryRow(TerritoryLevel.COMMUNE, code, name(json), parent, properties,
                        strings(json, "codesPostaux"), strings(json, "anciensCodes"), line);
            }
            case "arrondissement-municipal" -> new TerritoryRow(TerritoryLevel.MUNICIPAL_ARRONDISSEMENT, code,
                    name(json), TerritoryLevel.COMMUNE.id(required(json, "commune")), properties,
                    strings(json, "codesPostaux"), List.of(), line);
            case "commune-deleguee" -> new TerritoryRow(TerritoryLevel.DELEGATED_COMMUNE, code, name(json),
                    TerritoryLevel.COMMUNE.id(required(json, "chefLieu")), properties, List.of(), List.of(), line);
            case "commune-associee" -> new TerritoryRow(TerritoryLevel.ASSOCIATED_COMMUNE, code, name(json),
                    TerritoryLevel.COMMUNE.id(required(json, "chefLieu")), properties, List.of(), List.of(), line);
            default -> throw new RowException("unknown commune type '" + type + "'");
        };
    }

    /** epci.json: one EPCI and its member communes. */
    public static EpciRow epci(JsonNode json, long line) {
        String code = code(json, EPCI_CODE);
        JsonNode members = json.path("membres");
        if (!members.isArray() || members.isEmpty()) {
            throw new RowException("EPCI " + code + " has no member communes ('membres')");
        }
        List<String> memberCodes = new ArrayList<>(members.size());
        for (JsonNode member : members) {
            String memberCode = text(member, "code");
            if (memberCode == null || !COMMUNE_CODE.matcher(memberCode).matches()) {
                throw new RowException("EPCI " + code + " lists a member without a valid commune code: " + member);
            }
            memberCodes.add(memberCode);
        }
        JsonNode population = json.get("populationTotale");
        return new EpciRow(code, name(json), text(json, "type"), text(json, "modeFinancement"),
                population != null && population.canConvertToLong() ? population.asLong() : null,
                List.copyOf(memberCodes), line);
    }

    private static String code(JsonNode json, Pattern expected) {
        String code = required(json, "code");
        if (!expected.matcher(code).matches()) {
            throw new RowException("'" + code + "' is not a valid code at this level");
        }
        return code;
    }

    private static String name(JsonNode json) {
        return required(json, "nom");
    }

    private static String required(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null || value.isBlank()) {
            throw new RowException("missing '" + field + "'");
        }
        return value;
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static List<String> strings(JsonNode json, String field) {
        JsonNode values = json.get(field);
        if (values == null || !values.isArray()) {
            return List.of();
        }
        List<String> list = new ArrayList<>(values.size());
        values.forEach(value -> list.add(value.asText()));
        return List.copyOf(list);
    }

    /** Published fields kept as node properties, with English names; absent ones are null (removed on update). */
    private static Map<String, Object> properties(JsonNode json, String... fields) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (String field : fields) {
            JsonNode value = json.get(field);
            Object converted = value == null || value.isNull() ? null
                    : value.isNumber() ? (Object) value.asLong() : value.asText();
            properties.put(PROPERTY_NAMES.getOrDefault(field, field), converted);
        }
        return properties;
    }

    private static final Map<String, String> PROPERTY_NAMES = Map.of(
            "chefLieu", "chiefTownCode", "departement", "departmentCode", "region", "regionCode",
            "arrondissement", "arrondissementCode");
}
