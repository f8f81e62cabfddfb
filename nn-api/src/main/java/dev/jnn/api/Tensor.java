package dev.jnn.api;

import java.util.Arrays;

/**
 * A float32 array with a shape: row-major, contiguous, batch first ({@code [batch, features...]}).
 *
 * <p>The backing array is exposed by {@link #data()} on purpose: kernels and layers read and write it
 * directly, without copies. A tensor is mutable, so {@code equals} and {@code hashCode} are the
 * object's identity (a tensor can key a map while its values change); {@link #contentEquals} compares
 * shapes and values.
 *
 * <p>Most of the framework sees tensors as matrices: {@link #rows()} is the first dimension (the
 * batch) and {@link #columns()} the product of the others (the features of one sample).
 */
public final class Tensor {
    private final int[] shape;
    private final float[] data;

    private Tensor(float[] data, int[] shape) {
        this.shape = shape;
        this.data = data;
    }

    /** A new tensor of zeros. Fails on an empty shape or a dimension below 1. */
    public static Tensor zeros(int... shape) {
        int[] checked = checkShape(shape);
        return new Tensor(new float[sizeOf(checked)], checked);
    }

    /**
     * Wraps {@code data} (not copied) as a tensor of the given shape.
     *
     * @throws IllegalArgumentException if the shape's size differs from {@code data.length}
     */
    public static Tensor of(float[] data, int... shape) {
        int[] checked = checkShape(shape);
        if (sizeOf(checked) != data.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(checked) + " holds " + sizeOf(checked)
                    + " values, but the data has " + data.length);
        }
        return new Tensor(data, checked);
    }

    /** A matrix from rows of equal length, copied. */
    public static Tensor matrix(float[]... rows) {
        if (rows.length == 0) {
            throw new IllegalArgumentException("a matrix needs at least one row");
        }
        int columns = rows[0].length;
        float[] data = new float[rows.length * columns];
        for (int r = 0; r < rows.length; r++) {
            if (rows[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + rows[r].length + " values, expected " + columns);
            }
            System.arraycopy(rows[r], 0, data, r * columns, columns);
        }
        return of(data, rows.length, columns);
    }

    /** The shape, a copy. */
    public int[] shape() {
        return shape.clone();
    }

    public int rank() {
        return shape.length;
    }

    public int dim(int axis) {
        return shape[axis];
    }

    /** The number of values. */
    public int size() {
        return data.length;
    }

    /** The backing array, row-major: not a copy. */
    public float[] data() {
        return data;
    }

    /** The first dimension: the batch. */
    public int rows() {
        return shape[0];
    }

    /** The values per row: the product of every dimension but the first. */
    public int columns() {
        return data.length / shape[0];
    }

    /** The value at {@code [row, column]} of the tensor seen as a {@code rows x columns} matrix. */
    public float get(int row, int column) {
        return data[index(row, column)];
    }

    public void set(int row, int column, float value) {
        data[index(row, column)] = value;
    }

    /** A deep copy. */
    public Tensor copy() {
        return new Tensor(data.clone(), shape.clone());
    }

    /** A tensor of another shape over the same data (a view: writes show through). */
    public Tensor reshape(int... newShape) {
        return of(data, newShape);
    }

    /** Copies the values of {@code source}, which must have this tensor's size. */
    public void copyFrom(Tensor source) {
        if (source.data.length != data.length) {
            throw new IllegalArgumentException("cannot copy a tensor of shape " + source.shapeString()
                    + " into one of shape " + shapeString());
        }
        System.arraycopy(source.data, 0, data, 0, data.length);
    }

    public void fill(float value) {
        Arrays.fill(data, value);
    }

    /** True when this tensor's shape is {@code shape} (a check that allocates nothing). */
    public boolean hasShape(int... shape) {
        return Arrays.equals(this.shape, shape);
    }

    public boolean sameShape(Tensor other) {
        return Arrays.equals(shape, other.shape);
    }

    /** The shape as {@code [2, 3]}. */
    public String shapeString() {
        return Arrays.toString(shape);
    }

    /** True when every value is finite (no NaN, no infinity). */
    public boolean isFinite() {
        for (float v : data) {
            if (!Float.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when {@code other} has this shape and the same values, bit for bit ({@code NaN} equals
     * {@code NaN}, {@code 0.0} differs from {@code -0.0}, as in {@link Arrays#equals(float[], float[])}).
     */
    public boolean contentEquals(Tensor other) {
        return other != null && Arrays.equals(shape, other.shape) && Arrays.equals(data, other.data);
    }

    /** The shape and the first values, e.g. {@code Tensor[2, 2] [1.0, 2.0, 3.0, 4.0]}. */
    @Override
    public String toString() {
        int shown = Math.min(data.length, 8);
        StringBuilder s = new StringBuilder("Tensor").append(shapeString()).append(" [");
        for (int i = 0; i < shown; i++) {
            s.append(i == 0 ? "" : ", ").append(data[i]);
        }
        return s.append(shown < data.length ? ", ...]" : "]").toString();
    }

    private int index(int row, int column) {
        int columns = columns();
        if (row < 0 || row >= shape[0] || column < 0 || column >= columns) {
            throw new IndexOutOfBoundsException("[" + row + ", " + column + "] is outside a " + shape[0] + " x "
                    + columns + " tensor");
        }
        return row * columns + column;
    }

    private static int[] checkShape(int[] shape) {
        if (shape.length == 0) {
            throw new IllegalArgumentException("a tensor needs at least one dimension");
        }
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has a dimension below 1");
            }
        }
        return shape.clone();
    }

    private static int sizeOf(int[] shape) {
        long size = 1;
        for (int d : shape) {
            size *= d;                            // dimensions are at least 1, so checking each step is enough
            if (size > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " has more than "
                        + Integer.MAX_VALUE + " values, too many for one array");
            }
        }
        return (int) size;
    }
}
