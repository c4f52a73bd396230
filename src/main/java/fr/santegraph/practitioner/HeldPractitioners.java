package fr.santegraph.practitioner;

import fr.santegraph.ingest.ImportFailedException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.lang.Nullable;

/**
 * What the graph holds about every practitioner (identifier, fingerprint, active, in the import's scope), read once
 * per refresh in index order and packed (~30 MB for the country): the retirement limit is checked against it before
 * anything is written, and each batch of a sorted file is reconciled against its slice without reading the graph
 * again. Read on its own thread while the file is read: a slice waits until the read has passed its end. Bounded:
 * past {@code capacity} practitioners, or identifiers whose byte order is not the index's, it is abandoned (slices
 * answer null) and the import reads the graph range by range as before.
 */
final class HeldPractitioners {

    /** One page of what the graph holds, in identifier order, as {@link PractitionerWriter#heldAfter} reads it. */
    interface Pages {
        List<PractitionerWriter.Held> after(String after, int limit);
    }

    private byte[] ids = new byte[1 << 16];
    private int[] ends = new int[1 << 12];
    private long[] fingerprints = new long[1 << 12];
    private final BitSet active = new BitSet();
    private final BitSet inScope = new BitSet();
    private int size;
    private int used;
    /** Guards the arrays while the reading thread appends; readers wait on it for the read to pass their range. */
    private final Object lock = new Object();
    private boolean complete;
    private boolean abandoned;
    private @Nullable RuntimeException failure;

    HeldPractitioners() {
    }

    /** Everything the graph holds, or null when it is more than {@code capacity} or not in byte order. */
    static @Nullable HeldPractitioners load(Pages pages, int page, int capacity) {
        HeldPractitioners held = new HeldPractitioners();
        held.read(pages, page, capacity);
        return held.abandoned ? null : held;
    }

    /** Reads the graph page by page into this holder; other threads may ask for slices meanwhile. */
    void read(Pages pages, int page, int capacity) {
        try {
            String after = "";
            byte[] previous = new byte[0];
            while (true) {
                List<PractitionerWriter.Held> rows = pages.after(after, page);
                synchronized (lock) {
                    for (PractitionerWriter.Held row : rows) {
                        byte[] id = row.id().getBytes(StandardCharsets.UTF_8);
                        if (size == capacity || Arrays.compareUnsigned(id, previous) <= 0 && size > 0) {
                            abandon();
                            return;
                        }
                        add(id, row);
                        previous = id;
                    }
                    if (rows.size() < page) {
                        complete = true;
                        lock.notifyAll();
                        return;
                    }
                    lock.notifyAll();
                }
                after = rows.get(rows.size() - 1).id();
            }
        } catch (RuntimeException e) {
            synchronized (lock) {
                failure = e;
                lock.notifyAll();
            }
            throw e;
        }
    }

    private void abandon() {
        abandoned = true;
        ids = new byte[0];
        ends = new int[0];
        fingerprints = new long[0];
        active.clear();
        inScope.clear();
        size = 0;
        used = 0;
        lock.notifyAll();
    }

    /** Waits for the whole read; false when it was abandoned (too many, or not in byte order). */
    boolean awaitComplete() {
        synchronized (lock) {
            awaitWhile(() -> !complete);
            return !abandoned;
        }
    }

    /** Called holding the lock: waits while the read goes on and {@code pending} holds. */
    private void awaitWhile(BooleanSupplier pending) {
        while (!abandoned && failure == null && pending.getAsBoolean()) {
            try {
                lock.wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ImportFailedException("import interrupted", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void add(byte[] id, PractitionerWriter.Held row) {
        if (used + id.length > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, used + id.length));
        }
        if (size == ends.length) {
            ends = Arrays.copyOf(ends, size * 2);
            fingerprints = Arrays.copyOf(fingerprints, size * 2);
        }
        System.arraycopy(id, 0, ids, used, id.length);
        used += id.length;
        ends[size] = used;
        fingerprints[size] = row.fingerprint();
        active.set(size, row.active());
        inScope.set(size, row.inScope());
        size++;
    }

    int size() {
        return size;
    }

    private String id(int index) {
        int start = index == 0 ? 0 : ends[index - 1];
        return new String(ids, start, ends[index] - start, StandardCharsets.UTF_8);
    }

    private int compare(int index, byte[] key) {
        int start = index == 0 ? 0 : ends[index - 1];
        return Arrays.compareUnsigned(ids, start, ends[index], key, 0, key.length);
    }

    /** The first index whose identifier sorts after {@code key} (with {@code orEqual}: at or after). */
    private int firstAfter(String key, boolean orEqual) {
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            int comparison = compare(middle, bytes);
            if (comparison < 0 || comparison == 0 && !orEqual) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * The practitioners with an identifier in ({@code after}, {@code upTo}] ({@code upTo} null: to the last one), once
     * the read has passed {@code upTo}; null when the read was abandoned (read that range from the graph).
     */
    @Nullable List<PractitionerWriter.Held> between(String after, @Nullable String upTo) {
        synchronized (lock) {
            byte[] end = upTo == null ? null : upTo.getBytes(StandardCharsets.UTF_8);
            awaitWhile(() -> !complete && (end == null || size == 0 || compare(size - 1, end) < 0));
            if (abandoned) {
                return null;
            }
            int from = firstAfter(after, false);
            int to = upTo == null ? size : firstAfter(upTo, false);
            List<PractitionerWriter.Held> slice = new ArrayList<>(Math.max(0, to - from));
            for (int i = from; i < to; i++) {
                slice.add(new PractitionerWriter.Held(id(i), fingerprints[i], active.get(i), inScope.get(i)));
            }
            return slice;
        }
    }

    /** Whether a list holds the identifier {@code utf8[from, to)}. */
    interface Listed {
        boolean lists(byte[] utf8, int from, int to);
    }

    /** Active practitioners of the scope, and how many of them {@code listed} does not list (after the whole read). */
    long[] activeAndAbsent(Listed listed) {
        long activeInScope = 0;
        long absent = 0;
        for (int i = active.nextSetBit(0); i >= 0; i = active.nextSetBit(i + 1)) {
            if (inScope.get(i)) {
                activeInScope++;
                if (!listed.lists(ids, i == 0 ? 0 : ends[i - 1], ends[i])) {
                    absent++;
                }
            }
        }
        return new long[] {activeInScope, absent};
    }
}
