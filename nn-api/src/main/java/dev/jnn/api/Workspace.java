package dev.jnn.api;

/**
 * One reusable output buffer of a layer or loss, kept for the last few batch sizes it served.
 *
 * <p>An epoch usually ends with a smaller batch, and evaluation may use yet another size; keeping a
 * tensor per recent size means that none of these switches allocates once each has been seen, so a
 * training step allocates nothing after warm-up.
 *
 * <p>Not thread-safe: one workspace serves one caller (a layer's training pass, or one thread's
 * {@link Scratch} during inference).
 */
public final class Workspace {
    private static final int SIZES = 4;
    private final Tensor[] recent = new Tensor[SIZES];
    private int next;

    /** A tensor {@code [rows, sampleShape...]}: a kept one if there is one, else a new one kept from now on. */
    public Tensor get(int rows, int[] sampleShape) {
        for (Tensor t : recent) {
            if (t != null && fits(t, rows, sampleShape)) {
                return t;
            }
        }
        int[] shape = new int[sampleShape.length + 1];
        shape[0] = rows;
        System.arraycopy(sampleShape, 0, shape, 1, sampleShape.length);
        return keep(Tensor.zeros(shape));
    }

    /** A matrix {@code [rows, columns]}, kept as {@link #get} does. */
    public Tensor get(int rows, int columns) {
        for (Tensor t : recent) {
            if (t != null && t.rank() == 2 && t.rows() == rows && t.dim(1) == columns) {
                return t;
            }
        }
        return keep(Tensor.zeros(rows, columns));
    }

    private Tensor keep(Tensor t) {
        recent[next] = t;
        next = (next + 1) % SIZES;
        return t;
    }

    private static boolean fits(Tensor t, int rows, int[] sampleShape) {
        if (t.rows() != rows || t.rank() != sampleShape.length + 1) {
            return false;
        }
        for (int i = 0; i < sampleShape.length; i++) {
            if (t.dim(i + 1) != sampleShape[i]) {
                return false;
            }
        }
        return true;
    }
}
