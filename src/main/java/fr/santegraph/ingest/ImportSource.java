package fr.santegraph.ingest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The name and usage line of an {@link Importer}, on its class: {@code import --help} reads them from the classpath
 * without starting the application (and so without creating a database).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface ImportSource {

    /** The name used on the command line, e.g. {@code territories}. */
    String name();

    /** One line of usage: the options after {@code import <name>}. */
    String usage();
}
