package fr.santegraph.practitioner;

/** The {@code practitioners} filter; every given criterion must hold. */
public record PractitionerFilter(String profession, String specialty, ModeOfPractice modeOfPractice, String territory,
                                 NearFilter near, String name, Boolean placed, Boolean includeRetired) {

    static final PractitionerFilter NONE = new PractitionerFilter(null, null, null, null, null, null, null, false);

    public record NearFilter(double latitude, double longitude, double radiusKm) {
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
