package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.common.InvalidArgumentException;
import fr.santegraph.ingest.ImportFailedException;
import org.junit.jupiter.api.Test;

/** Which failures reach the caller with their own message. */
class GraphQlErrorsTest {

    @Test
    void onlyTheProjectsOwnArgumentErrorsAreBadRequestsWithTheirMessage() {
        assertThat(GraphQlConfiguration.isBadArgument(new InvalidArgumentException("first must be between 0 and 100"))).isTrue();
        assertThat(GraphQlConfiguration.isBadArgument(new ImportFailedException("the file is empty"))).isTrue();
        // A library's complaint (here the JDK's) may name internals: an internal error, its message kept in the log.
        assertThat(GraphQlConfiguration.isBadArgument(new IllegalArgumentException("Invalid UUID string: x"))).isFalse();
        assertThat(GraphQlConfiguration.isBadArgument(new NumberFormatException("For input string: \"x\""))).isFalse();
    }
}
