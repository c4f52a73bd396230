package fr.santegraph.common;

import java.util.Optional;

/** Finds the object behind a global id, for the Relay {@code node(id)} field; one per feature. */
public interface NodeLookup {

    /** True when this id has this feature's prefix (e.g. {@code region:}). */
    boolean handles(String id);

    Optional<?> find(String id);
}
