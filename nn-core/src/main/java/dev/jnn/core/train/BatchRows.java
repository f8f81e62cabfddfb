package dev.jnn.core.train;

import dev.jnn.api.data.Dataset;
import dev.jnn.api.Tensor;

/**
 * Copies rows of a dataset, by index, into {features, targets} tensors reused from batch to batch
 * (one pair for the full batch size, one for a smaller last batch).
 */
final class BatchRows {
    private final Dataset data;
    private Tensor[] full;
    private Tensor[] last;

    BatchRows(Dataset data) {
        this.data = data;
    }

    /**
     * Rows {@code indices[from .. from + size)} as {features, targets}, in reused tensors; the first
     * call's size is the full batch size.
     */
    Tensor[] rows(int[] indices, int from, int size) {
        if (full == null) {
            full = buffers(size);
        }
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
