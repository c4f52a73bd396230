package fr.santegraph.practitioner;

import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/** A published code with its label, as GraphQL serves it; null when the code is empty. */
public record CodedLabel(String code, String label) {

    static @Nullable CodedLabel of(Value map, String codeKey, String labelKey) {
        String code = map.get(codeKey).asString(null);
        return code == null ? null : new CodedLabel(code, map.get(labelKey).asString(null));
    }
}
