package dev.jnn.api.data;

import dev.jnn.api.Tensor;

/**
 * Samples and their targets, row for row.
 *
 * @param features {@code [samples, features...]}
 * @param targets  {@code [samples, ...]}: class indices, one-hot rows or regression values
 */
public record Dataset(Tensor features, Tensor targets) {

    public Dataset {
        if (features.rows() != targets.rows()) {
            throw new IllegalArgumentException("dataset: features have " + features.rows() + " rows but targets have "
                    + targets.rows() + "; expected one target row per sample");
        }
    }

    public int size() {
        return features.rows();
    }

    /** One sample's shape, without the batch dimension. */
    public int[] sampleShape() {
        int[] shape = features.shape();
        return java.util.Arrays.copyOfRange(shape, 1, shape.length);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive), copied: for train/test splits. */
    public Dataset slice(int from, int to) {
        if (from < 0 || to > size() || from >= to) {
            throw new IllegalArgumentException("dataset: cannot slice rows " + from + " to " + to + " of " + size());
        }
        return new Dataset(rows(features, from, to), rows(targets, from, to));
    }

    /** The rows at {@code indices}, in that order, copied: for shuffled splits. */
    public Dataset select(int[] indices) {
        return new Dataset(pick(features, indices), pick(targets, indices));
    }

    private static Tensor pick(Tensor t, int[] indices) {
        int columns = t.columns();
        float[] data = new float[indices.length * columns];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(t.data(), indices[i] * columns, data, i * columns, columns);
        }
        int[] shape = t.shape();
        shape[0] = indices.length;
        return Tensor.of(data, shape);
    }

    private static Tensor rows(Tensor t, int from, int to) {
        int columns = t.columns();
        float[] data = java.util.Arrays.copyOfRange(t.data(), from * columns, to * columns);
        int[] shape = t.shape();
        shape[0] = to - from;
        return Tensor.of(data, shape);
    }
}
