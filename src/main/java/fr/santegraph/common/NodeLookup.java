package fr.santegraph.common;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Finds the object behind a global id, for the Relay {@code node(id)} field; one per feature. */
public interface NodeLookup {

    /** True when this id has this feature's prefix (e.g. {@code region:}). */
    boolean handles(String id);

    Optional<?> find(String id);

    /** The objects behind several of this feature's ids, by id (absent ones left out); one query where it can. */
    default Map<String, Object> findAll(Collection<String> ids) {
        Map<String, Object> found = new HashMap<>();
        ids.forEach(id -> find(id).ifPresent(object -> found.put(id, object)));
        return found;
    }
}
