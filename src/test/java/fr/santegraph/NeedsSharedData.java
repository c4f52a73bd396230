package fr.santegraph;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that reads real files only {@code ../shared} has (the full RPPS sample, the whole data folder). It belongs
 * to the {@code shared} group (a JUnit tag), which {@code mvn -B verify} runs with the others; where
 * {@code ../shared} is absent its tests are skipped, and the run says so.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("shared")
@ExtendWith(SharedDataCondition.class)
public @interface NeedsSharedData {
}
