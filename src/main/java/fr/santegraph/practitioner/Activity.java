package fr.santegraph.practitioner;

import java.time.LocalDate;
import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/**
 * One activity of a practitioner. {@code site}: its site when read with it (the activities of a page are read with
 * their sites and the sites' territory ids, so that {@code activities { site { territory } } } costs one statement);
 * otherwise null, and the site is resolved in a batch from {@code siteId}.
 */
public record Activity(String id, @Nullable Profession profession, @Nullable Specialty specialty,
                       @Nullable CodedLabel modeOfPractice, @Nullable CodedLabel sector, @Nullable CodedLabel role,
                       @Nullable CodedLabel genre, @Nullable CodedLabel pharmacistSection, String registrationAuthority,
                       boolean active, @Nullable LocalDate retiredOn, @Nullable LocalDate firstSeenOn, String siteId,
                       @Nullable Site site) {

    /** Reads {@code {activity: a {.*}, profession: …, specialty: …, site: s {.*, territoryId} or null}}. */
    static Activity from(Value row) {
        Value a = row.get("activity");
        Value site = row.get("site");
        return new Activity(a.get("id").asString(), Profession.from(row.get("profession")),
                Specialty.from(row.get("specialty")), CodedLabel.of(a, "modeCode", "mode"),
                CodedLabel.of(a, "sectorCode", "sector"), CodedLabel.of(a, "roleCode", "role"),
                CodedLabel.of(a, "genreCode", "genre"), CodedLabel.of(a, "pharmacistSectionCode", "pharmacistSection"),
                a.get("registrationAuthority").asString(null), a.get("active").asBoolean(false),
                Practitioner.date(a.get("retiredOn")), Practitioner.date(a.get("firstSeenOn")), a.get("siteId").asString(null),
                site == null || site.isNull() ? null : Site.from(site));
    }
}
