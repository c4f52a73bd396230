package fr.santegraph.practitioner;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Property lists spelled out in Cypher ({@code {name: row.p.name, …}}, {@code n.name = row.p.name, …}) for keys the
 * code itself defines, so the planner sees which properties a statement writes: with {@code SET n = row.map} it must
 * assume any property may change and buffers every row (Eager) before reading the next node. Values always stay
 * parameters; a key that is not a plain identifier is refused.
 */
final class CypherProperties {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    private CypherProperties() {
    }

    /** {@code a: row.a, b: row.b} for a map literal. */
    static String literal(String source, Collection<String> keys) {
        return keys.stream().map(key -> checked(key) + ": " + source + "." + key).collect(Collectors.joining(", "));
    }

    /** {@code n.a = row.a, n.b = row.b} for a SET clause: a missing or null value removes the property. */
    static String assignments(String node, String source, Collection<String> keys) {
        return keys.stream().map(key -> node + "." + checked(key) + " = " + source + "." + key)
                .collect(Collectors.joining(", "));
    }

    /** The map without its null values: nothing to send, since a missing key reads as null in Cypher. */
    static Map<String, Object> withoutNulls(Map<String, Object> map) {
        Map<String, Object> copy = new HashMap<>(map.size() * 2);
        map.forEach((key, value) -> {
            if (value != null) {
                copy.put(key, value);
            }
        });
        return copy;
    }

    private static String checked(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a property name: " + key);
        }
        return key;
    }
}
