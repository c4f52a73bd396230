package fr.santegraph.common;

import java.util.OptionalLong;

/**
 * A number that changes whenever the graph does (any committed write, whoever made it), for caches of answers that
 * must never outlive the data they were computed from. Available only where every commit is visible: the embedded
 * database. An external server has other writers this service cannot see.
 */
@FunctionalInterface
public interface GraphVersion {

    /** The current version; empty when it cannot be known right now (the database is stopping or unavailable). */
    OptionalLong current();
}
