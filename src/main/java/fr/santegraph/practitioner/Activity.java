package fr.santegraph.practitioner;

import java.time.LocalDate;
import org.neo4j.driver.Value;

/** One activity of a practitioner; its site is resolved in a batch. */
public record Activity(String id, Profession profession, Specialty specialty, CodedLabel modeOfPractice,
                       CodedLabel sector, CodedLabel role, CodedLabel genre, CodedLabel pharmacistSection,
                       String registrationAuthority, boolean active, LocalDate retiredOn, LocalDate firstSeenOn,
                       String siteId) {

    /** Reads {@code {activity: a {.*}, profession: …, specialty: …}}. */
    static Activity from(Value row) {
        Value a = row.get("activity");
        return new Activity(a.get("id").asString(), Profession.from(row.get("profession")),
                Specialty.from(row.get("specialty")), CodedLabel.of(a, "modeCode", "mode"),
                CodedLabel.of(a, "sectorCode", "sector"), CodedLabel.of(a, "roleCode", "role"),
                CodedLabel.of(a, "genreCode", "genre"), CodedLabel.of(a, "pharmacistSectionCode", "pharmacistSection"),
                a.get("registrationAuthority").asString(null), a.get("active").asBoolean(false),
                Practitioner.date(a.get("retiredOn")), Practitioner.date(a.get("firstSeenOn")), a.get("siteId").asString(null));
    }
}
