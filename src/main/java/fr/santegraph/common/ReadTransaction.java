package fr.santegraph.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads that serve API requests: read-only (a {@code neo4j://} cluster routes them to readers) and bounded by
 * {@code santegraph.graphql.limits.cypher-timeout-seconds}, which the driver passes to the server so that the
 * database itself stops a runaway query.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Transactional(readOnly = true, timeoutString = "${santegraph.graphql.limits.cypher-timeout-seconds:10}")
public @interface ReadTransaction {
}
