package fr.santegraph.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.lang.Nullable;

/** WHERE conditions of a list query and their parameters: a condition is kept only when its value is given. */
public final class Conditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** {@code condition} is a constant Cypher fragment using {@code $parameter}; null values add nothing. */
    public Conditions add(String condition, String parameter, @Nullable Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(parameter, value instanceof Enum<?> e ? e.name() : value);
        }
        return this;
    }

    public List<String> conditions() {
        return conditions;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
