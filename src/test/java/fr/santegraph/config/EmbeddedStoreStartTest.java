package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot be opened says why in the first line, not at line 176 of a stack trace. */
class EmbeddedStoreStartTest {

    @TempDir
    Path dir;

    private static EmbeddedNeo4jProperties at(Path store) {
        return new EmbeddedNeo4jProperties(store, 0, "16m", false, Duration.ZERO, false, "");
    }

    @Test
    void aStoreAlreadyOpenElsewhereIsNamedAsSuch() throws Exception {
        var first = EmbeddedNeo4jConfiguration.EmbeddedNeo4j.start(at(dir.resolve("store")));
        try {
            assertThatThrownBy(() -> EmbeddedNeo4jConfiguration.EmbeddedNeo4j.start(at(dir.resolve("store"))))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("The embedded database at " + dir.resolve("store").toAbsolutePath()
                            + " is already open in another process");
        } finally {
            first.destroy();
        }
    }

    @Test
    void aStoreUnderAFileIsNamedAsSuch() throws Exception {
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThatThrownBy(() -> EmbeddedNeo4jConfiguration.EmbeddedNeo4j.start(at(file.resolve("store"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("The embedded database at " + file.resolve("store").toAbsolutePath() + " cannot be written: "
                        + file.toAbsolutePath() + " is not a folder; set santegraph.embedded.data-dir to a writable folder");
    }
}
