package fr.santegraph.territory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The administrative levels, each with its own node label and id prefix: INSEE codes repeat across levels
 * ("84" is a region and a département), so a territory's id is level-qualified, e.g. {@code region:84}.
 */
public enum TerritoryLevel {
    REGION("Region", "region"),
    DEPARTMENT("Department", "department"),
    OVERSEAS_COLLECTIVITY("OverseasCollectivity", "overseas-collectivity"),
    EPCI("Epci", "epci"),
    COMMUNE("Commune", "commune"),
    MUNICIPAL_ARRONDISSEMENT("MunicipalArrondissement", "municipal-arrondissement"),
    DELEGATED_COMMUNE("DelegatedCommune", "delegated-commune"),
    ASSOCIATED_COMMUNE("AssociatedCommune", "associated-commune");

    private final String label;
    private final String idPrefix;

    TerritoryLevel(String label, String idPrefix) {
        this.label = label;
        this.idPrefix = idPrefix;
    }

    public String label() {
        return label;
    }

    public String id(String code) {
        return idPrefix + ":" + code;
    }

    public static Optional<TerritoryLevel> ofIdPrefix(String prefix) {
        String wanted = prefix.toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(level -> level.idPrefix.equals(wanted)).findFirst();
    }
}
