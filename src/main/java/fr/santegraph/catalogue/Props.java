package fr.santegraph.catalogue;

import java.util.List;
import org.neo4j.driver.Value;

/**
 * Typed reads of catalogue node properties as the driver returns them (a node, or a map projection
 * {@code n {.*}}): a property that is absent reads as null, an empty list or false.
 */
public final class Props {

    private Props() {
    }

    /** The property as text; a number or date stored by an older import is read as its text too. */
    public static String str(Value map, String key) {
        Object value = map.get(key).asObject();
        return value == null ? null : value.toString();
    }

    public static List<String> list(Value map, String key) {
        Value value = map.get(key);
        return value.isNull() ? List.of() : value.asList(item -> item.isNull() ? null : item.asObject().toString());
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static boolean bool(Value map, String key) {
        return Boolean.TRUE.equals(map.get(key).asObject());
    }
}
