package fr.santegraph.common;

import java.util.List;
import java.util.Map;

/**
 * Typed reads of a column every row of its statement holds (a count, a {@code collect}, the key it matched on), as
 * {@code Neo4jClient} returns rows. A missing column is a statement that does not return what its reader expects:
 * it is reported by name rather than as a null met later.
 */
public final class Rows {

    private Rows() {
    }

    public static Object get(Map<String, ?> row, String column) {
        Object value = row.get(column);
        if (value == null) {
            throw new IllegalStateException("no " + column + " in a row holding " + row.keySet());
        }
        return value;
    }

    public static long number(Map<String, ?> row, String column) {
        return ((Number) get(row, column)).longValue();
    }

    public static String text(Map<String, ?> row, String column) {
        return get(row, column).toString();
    }

    public static List<?> list(Map<String, ?> row, String column) {
        return (List<?>) get(row, column);
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, ?> row, String column) {
        return (Map<String, Object>) get(row, column);
    }
}
