package fr.santegraph.practitioner;

import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

public record Diploma(String code, String name, @Nullable CodedLabel type) {

    static Diploma from(Value d) {
        return new Diploma(d.get("code").asString(), d.get("name").asString(null), CodedLabel.of(d, "typeCode", "type"));
    }
}
