package fr.santegraph.practitioner;

import org.springframework.lang.Nullable;

/** The {@code practitioners} filter; every given criterion must hold. */
public record PractitionerFilter(@Nullable String profession, @Nullable String specialty,
                                 @Nullable ModeOfPractice modeOfPractice, @Nullable String territory,
                                 @Nullable NearFilter near, @Nullable BoundingBox bbox, @Nullable String name,
                                 @Nullable Boolean placed, Boolean includeRetired) {

    static final PractitionerFilter NONE = new PractitionerFilter(null, null, null, null, null, null, null, null, false);

    public record NearFilter(double latitude, double longitude, double radiusKm) {
    }

    /** What a map shows: longitudes west to east, latitudes south to north (WGS 84). */
    public record BoundingBox(double west, double south, double east, double north) {

        /** Why the box is refused, or null. */
        @Nullable String problem() {
            if (!(west >= -180 && east <= 180 && south >= -90 && north <= 90)) {
                return "bbox: longitudes must be within ±180 and latitudes within ±90";
            }
            if (!(west < east && south < north)) {
                return "bbox: west must be less than east and south less than north";
            }
            return null;
        }
    }

    public enum ModeOfPractice {
        LIBERAL("L"), SALARIED("S"), VOLUNTEER("B");

        final String code;

        ModeOfPractice(String code) {
            this.code = code;
        }
    }

    public enum PractitionerGrouping { PROFESSION, SPECIALTY, MODE_OF_PRACTICE, UNPLACED_REASON }

    boolean retiredIncluded() {
        return Boolean.TRUE.equals(includeRetired);
    }
}
