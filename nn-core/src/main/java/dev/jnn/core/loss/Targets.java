package dev.jnn.core.loss;

import dev.jnn.api.Tensor;

/** How classification targets are laid out, checked once with messages that name both shapes. */
final class Targets {
    private Targets() {
    }

    /**
     * True for class indices ({@code [B]} or {@code [B, 1]}), false for per-class rows ({@code [B, C]}).
     *
     * @throws IllegalArgumentException for any other shape
     */
    static boolean areIndices(String owner, Tensor predictions, Tensor targets) {
        int batch = predictions.rows();
        int classes = predictions.columns();
        if (targets.rows() == batch && targets.columns() == 1 && targets.rank() <= 2 && classes > 1) {
            return true;
        }
        if (targets.rows() == batch && targets.columns() == classes) {
            return false;
        }
        throw new IllegalArgumentException(owner + ": targets of shape " + targets.shapeString()
                + " do not fit predictions of shape " + predictions.shapeString() + "; expected class indices ["
                + batch + "] or [" + batch + ", 1], or one row per sample [" + batch + ", " + classes + "]");
    }

    /** A stored class index as an int, checked to be a whole number in [0, classes). */
    static int label(String owner, float value, int classes, int row) {
        int label = (int) value;
        if (label != value || label < 0 || label >= classes) {
            throw new IllegalArgumentException(owner + ": target of sample " + row + " is " + value
                    + "; expected a class index from 0 to " + (classes - 1));
        }
        return label;
    }

    /** The index of the largest of {@code length} values from {@code offset}; the first on ties. */
    static int argmax(float[] values, int offset, int length) {
        int best = 0;
        for (int c = 1; c < length; c++) {
            if (values[offset + c] > values[offset + best]) {
                best = c;
            }
        }
        return best;
    }
}
