package fr.santegraph.practitioner;

import java.time.OffsetDateTime;
import java.util.List;
import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/** One recorded run of {@code import practitioners}. */
public record PractitionerImport(String id, String file, String savoirFaireFile, String diplomaFile, String stamp,
                                 @Nullable List<String> departments, OffsetDateTime startedAt, long read, long created,
                                 long updated, long unchanged, long retired, long rejected, long durationMs) {

    static PractitionerImport from(Value r) {
        Value departments = r.get("departments");
        return new PractitionerImport(r.get("id").asString(), r.get("file").asString(), r.get("savoirFaireFile").asString(null),
                r.get("diplomaFile").asString(null), r.get("stamp").asString(null),
                departments.isNull() ? null : departments.asList(Value::asString),
                r.get("startedAt").asZonedDateTime().toOffsetDateTime(), r.get("read").asLong(), r.get("created").asLong(),
                r.get("updated").asLong(), r.get("unchanged").asLong(), r.get("retired").asLong(),
                r.get("rejected").asLong(), r.get("durationMs").asLong());
    }
}
