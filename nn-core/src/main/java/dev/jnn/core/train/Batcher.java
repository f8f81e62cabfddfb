package dev.jnn.core.train;

import dev.jnn.api.data.Dataset;
import dev.jnn.api.Tensor;

/**
 * Cuts a dataset into mini-batches in a {@link BatchOrder}, copying rows into buffers that are
 * reused from batch to batch.
 */
final class Batcher {
    private final Dataset data;
    private final BatchOrder order;
    private final Tensor[] full;
    private Tensor[] last;

    Batcher(Dataset data, int batchSize, long seed, boolean shuffle) {
        this.data = data;
        this.order = new BatchOrder(data.size(), batchSize, seed, shuffle);
        this.full = buffers(order.size(0));
    }

    int batches() {
        return order.batches();
    }

    /** Batch {@code b} of the order as {features, targets}; the tensors are reused by the next call. */
    Tensor[] batch(int b) {
        return rows(order.order(), order.start(b), order.size(b));
    }

    /** Rows {@code indices[from .. from + size)} as {features, targets}, in reused tensors. */
    Tensor[] rows(int[] indices, int from, int size) {
        Tensor[] out = size == full[0].rows() ? full : lastBuffers(size);
        copyRows(data.features(), out[0], indices, from, size);
        copyRows(data.targets(), out[1], indices, from, size);
        return out;
    }

    private static void copyRows(Tensor source, Tensor target, int[] indices, int from, int size) {
        int columns = source.columns();
        for (int r = 0; r < size; r++) {
            System.arraycopy(source.data(), indices[from + r] * columns, target.data(), r * columns, columns);
        }
    }

    private Tensor[] lastBuffers(int size) {
        if (last == null || last[0].rows() != size) {
            last = buffers(size);
        }
        return last;
    }

    private Tensor[] buffers(int rows) {
        return new Tensor[] {withRows(data.features(), rows), withRows(data.targets(), rows)};
    }

    private static Tensor withRows(Tensor t, int rows) {
        int[] shape = t.shape();
        shape[0] = rows;
        return Tensor.zeros(shape);
    }
}
