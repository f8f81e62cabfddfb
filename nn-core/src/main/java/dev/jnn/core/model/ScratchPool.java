package dev.jnn.core.model;

import dev.jnn.api.Scratch;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntSupplier;

/**
 * Idle sets of inference buffers, one {@link Scratch} per layer, lent to one {@code predict} call at
 * a time. A call takes a set (or makes one when all kept sets are lent out) and gives it back, so
 * that concurrent calls never share a buffer and a warm call allocates nothing; nothing is kept per
 * thread, so a server's request threads leave nothing behind.
 */
final class ScratchPool {
    /** Sets kept for reuse: more than the threads that usually predict at once. */
    private static final int KEPT = 32;

    private final AtomicReferenceArray<Scratch[]> idle = new AtomicReferenceArray<>(KEPT);
    private final IntSupplier layers;

    ScratchPool(IntSupplier layers) {
        this.layers = layers;
    }

    Scratch[] acquire() {
        for (int i = 0; i < KEPT; i++) {
            Scratch[] set = idle.get(i);
            if (set != null && idle.compareAndSet(i, set, null)) {
                return set;
            }
        }
        Scratch[] set = new Scratch[layers.getAsInt()];
        for (int i = 0; i < set.length; i++) {
            set[i] = new Scratch();
        }
        return set;
    }

    void release(Scratch[] set) {
        for (int i = 0; i < KEPT; i++) {
            if (idle.get(i) == null && idle.compareAndSet(i, null, set)) {
                return;
            }
        }
    }
}
