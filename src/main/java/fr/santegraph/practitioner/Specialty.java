package fr.santegraph.practitioner;

import org.neo4j.driver.Value;

/** A savoir-faire (spécialité ordinale, capacité, compétence…) as the RPPS codes it. */
public record Specialty(String code, String name, CodedLabel type) {

    static Specialty from(Value s) {
        return s == null || s.isNull() ? null
                : new Specialty(s.get("code").asString(), s.get("name").asString(null), CodedLabel.of(s, "typeCode", "type"));
    }
}
