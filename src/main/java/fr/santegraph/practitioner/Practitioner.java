package fr.santegraph.practitioner;

import java.time.LocalDate;
import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/** A practitioner as served by GraphQL; relations (activities, sites, specialties…) are loaded in batches. */
public record Practitioner(String id, String nationalId, String identifierType, String identifier,
                           @Nullable CodedLabel civility, @Nullable CodedLabel exerciseCivility, String lastName,
                           String firstName, @Nullable CodedLabel category, boolean active,
                           @Nullable LocalDate retiredOn, @Nullable LocalDate firstSeenOn) {

    static final String PREFIX = "practitioner:";

    static Practitioner from(Value p) {
        return new Practitioner(PREFIX + p.get("id").asString(), p.get("id").asString(),
                p.get("identifierType").asString(null), p.get("identifier").asString(null),
                CodedLabel.of(p, "civilityCode", "civility"), CodedLabel.of(p, "exerciseCivilityCode", "exerciseCivility"),
                p.get("lastName").asString(null), p.get("firstName").asString(null),
                CodedLabel.of(p, "categoryCode", "category"), p.get("active").asBoolean(false),
                date(p.get("retiredOn")), date(p.get("firstSeenOn")));
    }

    static @Nullable LocalDate date(Value value) {
        return value == null || value.isNull() ? null : value.asLocalDate();
    }

    /** The national identifier behind a global id or a bare identifier. */
    static String nationalIdOf(String id) {
        return id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
    }
}
