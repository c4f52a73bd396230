package fr.santegraph.territory;

import org.springframework.lang.Nullable;

/** One line of La Poste's postal-code base: a commune's INSEE code, a postal code, its delivery label, maybe GPS. */
public record PostalCodeRow(String communeCode, String postalCode, String deliveryLabel, @Nullable Double latitude,
                            @Nullable Double longitude, long line) {

    public boolean hasCoordinates() {
        return latitude != null && longitude != null;
    }
}
