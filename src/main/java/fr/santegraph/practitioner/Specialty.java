package fr.santegraph.practitioner;

import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/** A savoir-faire (spécialité ordinale, capacité, compétence…) as the RPPS codes it. */
public record Specialty(String code, String name, @Nullable CodedLabel type) {

    static @Nullable Specialty from(Value s) {
        return s == null || s.isNull() ? null
                : new Specialty(s.get("code").asString(), s.get("name").asString(null), CodedLabel.of(s, "typeCode", "type"));
    }
}
