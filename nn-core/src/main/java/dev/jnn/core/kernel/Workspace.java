package dev.jnn.core.kernel;

import dev.jnn.api.Tensor;

/**
 * Reuse of output buffers: a layer keeps the tensor it returned last time and gets a new one only
 * when the batch size changes, so a training step allocates nothing once warm.
 */
public final class Workspace {
    private Workspace() {
    }

    /** {@code current} if it is the matrix {@code [rows, columns]} already, else a new one. */
    public static Tensor reuse(Tensor current, int rows, int columns) {
        if (current != null && current.rank() == 2 && current.rows() == rows && current.dim(1) == columns) {
            return current;
        }
        return Tensor.zeros(rows, columns);
    }

    /**
     * {@code current} if it is {@code [rows, sampleShape...]} already, else a new tensor of that shape.
     */
    public static Tensor reuse(Tensor current, int rows, int[] sampleShape) {
        if (current != null && current.rows() == rows && current.rank() == sampleShape.length + 1) {
            boolean same = true;
            for (int i = 0; i < sampleShape.length; i++) {
                same &= current.dim(i + 1) == sampleShape[i];
            }
            if (same) {
                return current;
            }
        }
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = rows;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return Tensor.zeros(shape);
    }
}
