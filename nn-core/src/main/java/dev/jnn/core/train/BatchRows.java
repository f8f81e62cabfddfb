package dev.jnn.core.train;

import dev.jnn.api.Kernels;
import dev.jnn.api.Tensor;
import dev.jnn.api.data.Dataset;

/**
 * Copies rows of a dataset, by index, into {features, targets} tensors reused from batch to batch
 * (one pair for the full batch size, one for a smaller last batch).
 *
 * <p>Given the engine's kernels, a large batch's features are copied in parts on the engine's threads:
 * the rows lie scattered through the dataset, so the copy waits on memory for each row, and at batch
 * 256 of MNIST it took a tenth of a training step on one thread.
 */
final class BatchRows {
    /** Below this many floats a batch's features are copied on the calling thread alone. */
    private static final int SPLIT_FROM = 1 << 16;

    private final Dataset data;
    private final Kernels kernels;
    private final FeatureCopy featureCopy = new FeatureCopy();
    private Tensor[] full;
    private Tensor[] last;

    /** @param kernels the engine's kernels, whose threads share out a large copy; {@code null} for the calling thread alone */
    BatchRows(Dataset data, Kernels kernels) {
        this.data = data;
        this.kernels = kernels;
    }

    /** Whether a large copy is shared out by these kernels' threads (a model on other kernels needs its own). */
    boolean copiesWith(Kernels other) {
        return kernels == other;
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
        Tensor features = data.features();
        if (kernels != null && kernels.threads() > 1 && (long) size * features.columns() >= SPLIT_FROM) {
            featureCopy.set(features, out[0], indices, from, size);
            kernels.inParts(kernels.threads(), featureCopy);
            featureCopy.set(null, null, null, 0, 0);          // keeps nothing of the caller's alive
        } else {
            copyRows(features, out[0], indices, from, 0, size);
        }
        copyRows(data.targets(), out[1], indices, from, 0, size);
        return out;
    }

    /** Rows {@code r0..r1} of the batch: {@code target} row r is {@code source} row {@code indices[from + r]}. */
    private static void copyRows(Tensor source, Tensor target, int[] indices, int from, int r0, int r1) {
        int columns = source.columns();
        for (int r = r0; r < r1; r++) {
            System.arraycopy(source.data(), indices[from + r] * columns, target.data(), r * columns, columns);
        }
    }

    /** One call's copy of features, in parts of whole rows; one instance reused, so a step allocates nothing. */
    private static final class FeatureCopy implements Kernels.Part {
        private Tensor source;
        private Tensor target;
        private int[] indices;
        private int from;
        private int size;

        void set(Tensor source, Tensor target, int[] indices, int from, int size) {
            this.source = source;
            this.target = target;
            this.indices = indices;
            this.from = from;
            this.size = size;
        }

        @Override
        public void run(int part, int parts) {
            copyRows(source, target, indices, from, size * part / parts, size * (part + 1) / parts);
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
