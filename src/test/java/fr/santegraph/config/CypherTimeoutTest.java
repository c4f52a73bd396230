package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.santegraph.ScratchGraphTest;
import fr.santegraph.common.RequestDeadline;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The read transactions behind API requests are stopped by the database past the Cypher timeout (15 s here, generous for a loaded CI machine). */
class CypherTimeoutTest extends ScratchGraphTest {

    @Autowired
    SlowReads slowReads;

    @Test
    void aRunawayReadIsStoppedByTheDatabaseAtTheCypherTimeout() {
        long started = System.nanoTime();

        assertThatThrownBy(slowReads::countForever).hasStackTraceContaining("TransactionTimedOut");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(45));
    }

    @Test
    void aRunawayReadBegunTwoSecondsBeforeItsRequestsDeadlineIsStoppedThere() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> RequestDeadline.within(started + 2_000_000_000L, () -> {
            slowReads.countForever();
            return null;
        })).hasStackTraceContaining("TransactionTimedOut");

        // The database stopped it at the request's deadline, not at the 15 s Cypher timeout.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(12));
    }
}
