package fr.santegraph.config;

import static org.assertj.core.api.Assertions.assertThat;

import fr.santegraph.common.RequestDeadline;
import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.annotation.AnnotationTransactionAttributeSource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAttributeSource;

class DeadlineTransactionTimeoutsTest {

    static class Reads {
        @Transactional(readOnly = true, timeout = 10)
        public void read() {
        }
    }

    private final TransactionAttributeSource source =
            DeadlineTransactionTimeouts.withinDeadline(new AnnotationTransactionAttributeSource());
    private final Method read = method();

    private static Method method() {
        try {
            return Reads.class.getMethod("read");
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void outsideARequestATransactionKeepsItsOwnTimeout() {
        assertThat(source.getTransactionAttribute(read, Reads.class).getTimeout()).isEqualTo(10);
    }

    @Test
    void aReadBegunLateInARequestGetsOnlyTheSecondsLeft() throws Exception {
        int timeout = RequestDeadline.within(System.nanoTime() + 2_500_000_000L,
                () -> source.getTransactionAttribute(read, Reads.class).getTimeout());
        assertThat(timeout).isEqualTo(3);
        int early = RequestDeadline.within(System.nanoTime() + 60_000_000_000L,
                () -> source.getTransactionAttribute(read, Reads.class).getTimeout());
        assertThat(early).as("never more than its own").isEqualTo(10);
        int past = RequestDeadline.within(System.nanoTime() - 1, () -> source.getTransactionAttribute(read, Reads.class).getTimeout());
        assertThat(past).as("the driver's smallest").isEqualTo(1);
        assertThat(source.getTransactionAttribute(read, Reads.class).isReadOnly()).isTrue();
    }
}
