package dev.jnn.core.train;

import dev.jnn.api.data.Dataset;
import dev.jnn.api.Tensor;
import java.util.SplittableRandom;

/**
 * Cuts a dataset into mini-batches in a seeded random order, copying rows into buffers that are
 * reused from batch to batch. The last batch of an epoch is smaller when the batch size does not
 * divide the dataset (PyTorch's {@code drop_last=False}).
 */
final class Batcher {
    private final Dataset data;
    private final int batchSize;
    private final int[] order;
    private final SplittableRandom random;
    private final boolean shuffle;
    private final Tensor[] full;
    private Tensor[] last;

    Batcher(Dataset data, int batchSize, long seed, boolean shuffle) {
        this.data = data;
        this.batchSize = Math.min(batchSize, data.size());
        this.order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        this.random = new SplittableRandom(seed);
        this.shuffle = shuffle;
        this.full = buffers(this.batchSize);
    }

    int batches() {
        return (data.size() + batchSize - 1) / batchSize;
    }

    /** A new random order for the next epoch (Fisher-Yates), unless shuffling is off. */
    void shuffle() {
        if (!shuffle) {
            return;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** Batch {@code b} of this epoch as {features, targets}; the tensors are reused by the next call. */
    Tensor[] batch(int b) {
        int from = b * batchSize;
        int size = Math.min(batchSize, data.size() - from);
        Tensor[] out = size == batchSize ? full : lastBuffers(size);
        copyRows(data.features(), out[0], from, size);
        copyRows(data.targets(), out[1], from, size);
        return out;
    }

    private void copyRows(Tensor source, Tensor target, int from, int size) {
        int columns = source.columns();
        for (int r = 0; r < size; r++) {
            System.arraycopy(source.data(), order[from + r] * columns, target.data(), r * columns, columns);
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
