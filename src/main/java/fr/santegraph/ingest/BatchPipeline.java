package fr.santegraph.ingest;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The writer thread of an import: the reader maps the next batch while the previous one is written. At most
 * {@code inFlight} batches wait (constant memory whatever the file size); the first failure of a write stops every
 * later one and is rethrown to the reader at its next {@link #submit} or at {@link #finish}.
 */
public final class BatchPipeline<B> implements AutoCloseable {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ExecutorService writer;
    private final Semaphore inFlight;
    private final Consumer<B> write;
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final AtomicLong writerCpuNanos = new AtomicLong();
    private long readerWaitNanos;
    private boolean finished;

    public BatchPipeline(String threadName, int inFlight, Consumer<B> write) {
        this.writer = Executors.newSingleThreadExecutor(r -> new Thread(r, threadName));
        this.inFlight = new Semaphore(inFlight);
        this.write = write;
    }

    /** Hands a batch to the writer, waiting while {@code inFlight} others wait; rethrows an earlier write's failure. */
    public void submit(B batch) {
        rethrow();
        long waitStart = System.nanoTime();
        try {
            inFlight.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportFailedException("import interrupted", e);
        }
        readerWaitNanos += System.nanoTime() - waitStart;
        writer.execute(() -> {
            try {
                unlessFailed(() -> write.accept(batch));
            } finally {
                inFlight.release();
            }
        });
    }

    /** Waits for every batch to be written; rethrows the first failure. */
    public void finish() {
        close();
        rethrow();
    }

    /** How long the reader waited for the writer, in nanoseconds. */
    public long readerWaitNanos() {
        return readerWaitNanos;
    }

    /** CPU time of the writer thread's tasks (building parameters, driver work; waiting excluded). */
    public long writerCpuNanos() {
        return writerCpuNanos.get();
    }

    private void unlessFailed(Runnable task) {
        try {
            if (failure.get() == null) {
                long cpuStart = THREADS.getCurrentThreadCpuTime();
                task.run();
                writerCpuNanos.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
            }
        } catch (Throwable e) {
            failure.compareAndSet(null, e);
        }
    }

    private void rethrow() {
        Throwable e = failure.get();
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        if (e != null) {
            throw new ImportFailedException("writing failed: " + e.getMessage(), e);
        }
    }

    /** Stops taking batches and waits for the ones handed over (also after a reader failure). */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        writer.shutdown();
        try {
            writer.awaitTermination(1, TimeUnit.HOURS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
