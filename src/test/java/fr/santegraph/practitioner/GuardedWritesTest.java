package fr.santegraph.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.ingest.ImportFailedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Writes held back until the retirement limit has passed: in order, and none at all when it refuses. */
class GuardedWritesTest {

    private final List<String> written = new ArrayList<>();

    @Test
    void writesWaitForTheCheckThenRunInTheirOrder() {
        CompletableFuture<Void> check = new CompletableFuture<>();
        GuardedWrites writes = new GuardedWrites(check, 1_000);

        writes.write(10, () -> written.add("a"));
        writes.write(10, () -> written.add("b"));
        assertThat(written).isEmpty();

        check.complete(null);
        writes.write(10, () -> written.add("c"));
        assertThat(written).containsExactly("a", "b", "c");
    }

    @Test
    void aRefusalWritesNothingAndIsRethrownAsItWas() {
        CompletableFuture<Void> check = new CompletableFuture<>();
        GuardedWrites writes = new GuardedWrites(check, 1_000);
        writes.write(10, () -> written.add("a"));
        ImportFailedException refusal = new ImportFailedException("refusing to retire 8 of 8 active practitioners");
        check.completeExceptionally(refusal);

        assertThatThrownBy(writes::awaitCheck).isSameAs(refusal);
        assertThat(written).isEmpty();
    }

    @Test
    void pastTheBoundTheWriterWaitsForTheCheck() throws Exception {
        CompletableFuture<Void> check = new CompletableFuture<>();
        GuardedWrites writes = new GuardedWrites(check, 15);
        writes.write(10, () -> written.add("a"));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> writes.write(10, () -> written.add("b")));
        Thread.sleep(100);
        assertThat(second).isNotDone();

        check.complete(null);
        second.get(5, TimeUnit.SECONDS);
        assertThat(written).containsExactly("a", "b");
    }

    @Test
    void anOpenGuardWritesAtOnce() {
        GuardedWrites.open().write(1, () -> written.add("a"));
        assertThat(written).containsExactly("a");
    }
}
