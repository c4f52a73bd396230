package fr.santegraph.ingest;

import java.io.IOException;
import org.springframework.core.annotation.AnnotationUtils;

/** One kind of source that {@code santegraph import <name>} can load; its name and usage are its {@link ImportSource}. */
public interface Importer {

    /** The name used on the command line, e.g. {@code territories}. */
    default String name() {
        return source().name();
    }

    /** One line of usage shown by {@code import --help}. */
    default String usage() {
        return source().usage();
    }

    private ImportSource source() {
        ImportSource source = AnnotationUtils.findAnnotation(getClass(), ImportSource.class);
        if (source == null) {
            throw new IllegalStateException(getClass().getName() + " has no @ImportSource");
        }
        return source;
    }

    ImportSummary run(ImportRequest request) throws IOException;
}
