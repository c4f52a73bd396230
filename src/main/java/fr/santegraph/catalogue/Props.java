package fr.santegraph.catalogue;

import java.util.List;
import java.util.Map;

/** Typed reads of node property maps returned by Cypher ({@code n {.*}}). */
public final class Props {

    private Props() {
    }

    public static String str(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }

    @SuppressWarnings("unchecked")
    public static List<String> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value instanceof List<?> list ? (List<String>) list : List.of();
    }

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    public static boolean bool(Map<String, Object> map, String key) {
        return Boolean.TRUE.equals(map.get(key));
    }
}
