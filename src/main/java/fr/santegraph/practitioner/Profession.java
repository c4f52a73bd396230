package fr.santegraph.practitioner;

import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

public record Profession(String code, String name) {

    static @Nullable Profession from(Value p) {
        return p == null || p.isNull() ? null : new Profession(p.get("code").asString(), p.get("name").asString(null));
    }
}
