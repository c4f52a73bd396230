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

    /**
     * Hops below a region along PART_OF/MEMBER_OF: a commune is PART_OF its département (or overseas collectivity)
     * and MEMBER_OF its EPCI, one hop; arrondissements and delegated communes are PART_OF their commune.
     */
    int depth() {
        return switch (this) {
            case REGION -> 0;
            case DEPARTMENT, OVERSEAS_COLLECTIVITY, EPCI -> 1;
            case COMMUNE -> 2;
            case MUNICIPAL_ARRONDISSEMENT, DELEGATED_COMMUNE, ASSOCIATED_COMMUNE -> 3;
        };
    }

    public String id(String code) {
        return idPrefix + ":" + code;
    }

    public static Optional<TerritoryLevel> ofIdPrefix(String prefix) {
        String wanted = prefix.toLowerCase(Locale.ROOT).replace('_', '-');
        return Arrays.stream(values()).filter(level -> level.idPrefix.equals(wanted)).findFirst();
    }
}
