package fr.santegraph.catalogue;

import java.util.List;
import org.neo4j.driver.Value;
import org.springframework.lang.Nullable;

/**
 * Typed reads of catalogue node properties as the driver returns them (a node, or a map projection
 * {@code n {.*}}): a property that is absent reads as null, an empty list or false.
 */
public final class Props {

    private Props() {
    }

    /** The property as text; a number or date stored by an older import is read as its text too. */
    public static @Nullable String str(Value map, String key) {
        Object value = map.get(key).asObject();
        return value == null ? null : value.toString();
    }

    /**
     * A property the GraphQL schema promises (an id, a code, a name): every importer writes it, so a node without it
     * is a damaged graph, reported as such rather than as a null in a non-null field.
     */
    public static String required(Value map, String key) {
        Value value = map.get(key);
        if (value.isNull()) {
            throw new IllegalStateException("a catalogue node has no " + key + " (its importer always writes one)");
        }
        return value.asObject().toString();
    }

    /** The property as one of {@code type}'s constants, stored under its name; null when absent. */
    public static <E extends Enum<E>> @Nullable E constant(Value map, String key, Class<E> type) {
        String name = str(map, key);
        return name == null ? null : Enum.valueOf(type, name);
    }

    public static List<String> list(Value map, String key) {
        Value value = map.get(key);
        return value.isNull() ? List.of() : value.asList(item -> item.isNull() ? null : item.asObject().toString());
    }

    public static @Nullable String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static boolean bool(Value map, String key) {
        return Boolean.TRUE.equals(map.get(key).asObject());
    }
}
