package dev.jnn.core.kernel;

import dev.jnn.api.Kernels;
import java.util.concurrent.atomic.AtomicReferenceArray;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Kernels written with the JDK's Vector API ({@code jdk.incubator.vector}), chosen when that module
 * is readable.
 *
 * <p>All three matrix products run one register-tiled micro-kernel,
 * <pre>
 *   C[r, j] = sum over p of a(r, p) * B[p, j]          a(r, p) = A[r * rowStride + p * reductionStride]
 * </pre>
 * so {@code X W} (rowStride k, reductionStride 1) and {@code X^T dY} (rowStride 1, reductionStride k)
 * need no transposed copy; {@code dY W^T} packs {@code W^T} into a per-thread workspace (an in x out
 * copy, 1/batch of the product's work) and runs the same kernel. A tile of {@value #ROWS} rows by two
 * vectors of columns lives in registers across the whole reduction (then 4 rows, then 1, for the rest).
 *
 * <p>Every element of C is the same chain of fused multiply-adds in p order, whatever tile or thread
 * computes it: results are identical on 1 or 2 threads. (No lane reductions: their floating point
 * order is unspecified.) The columns are split between threads at panel boundaries; a product whose
 * columns are not a whole number of vectors (a 10-class output) is padded to one, and a dense layer's
 * bias and ReLU are applied to each tile as it is stored ({@link #matmulBias}).
 *
 * <p>Any number of threads may call at once: each call takes a task (its arguments and scratch
 * arrays) from a small pool of idle ones and puts it back when done, so no call allocates once warm
 * and nothing is kept per calling thread. The helper threads of one call at a time share its work;
 * {@link #close} stops them.
 */
final class VectorKernels extends ScalarKernels implements AutoCloseable {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int PANEL = 2 * L;
    private static final int ROWS = 8;
    /** Below this many multiply-adds a product runs on one thread: handing it over would cost more. */
    private static final long PARALLEL_WORK = 1 << 18;

    /** Idle tasks kept for reuse: enough for every thread of a busy server to find one. */
    private static final int IDLE_TASKS = 64;

    private final Parallel parallel;
    private final AtomicReferenceArray<ProductTask> idle = new AtomicReferenceArray<>(IDLE_TASKS);

    VectorKernels(int threads) {
        this.parallel = new Parallel(threads, "jnn-engine-" + Integer.toHexString(System.identityHashCode(this)));
    }

    /** The JVM's preferred vector size in bits (KernelChoice asks, without loading this class's species itself). */
    static int preferredBits() {
        return S.vectorBitSize();
    }

    @Override
    public void close() {
        parallel.close();
    }

    /** An idle task, or a new one when every kept one is in use. */
    private ProductTask acquire() {
        for (int i = 0; i < IDLE_TASKS; i++) {
            ProductTask t = idle.get(i);
            if (t != null && idle.compareAndSet(i, t, null)) {
                return t;
            }
        }
        return new ProductTask();
    }

    /** Keeps a finished task for the next call, forgetting the caller's arrays. */
    private void release(ProductTask task) {
        task.set(null, 0, 0, null, null, 0, 0, 0);
        task.epilogue(null, false);
        task.transposeFirst(null);
        for (int i = 0; i < IDLE_TASKS; i++) {
            if (idle.get(i) == null && idle.compareAndSet(i, null, task)) {
                return;
            }
        }
    }

    @Override
    public String name() {
        return "vector (" + S.vectorBitSize() + "-bit, " + parallel.threads() + " threads)";
    }

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n) {
        ProductTask task = acquire();
        try {
            product(task, a, k, 1, b, c, m, k, n);
        } finally {
            release(task);
        }
    }

    @Override
    public void matmulBias(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n, boolean relu) {
        ProductTask task = acquire();
        try {
            task.epilogue(bias, relu);
            product(task, a, k, 1, b, c, m, k, n);
        } finally {
            release(task);
        }
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
        ProductTask task = acquire();
        try {
            product(task, a, 1, k, b, c, k, m, n);
        } finally {
            release(task);
        }
    }

    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int n, int k) {
        ProductTask task = acquire();
        try {
            float[] bt = task.transposed(n * k);
            if (k % L == 0) {
                // Each part transposes the columns of B^T (rows of B) that its own column panels read.
                task.transposeFirst(b);
            } else {
                transpose(b, bt, k, n, 0, k);                 // product() pads it next
            }
            product(task, a, n, 1, bt, c, m, n, k);
        } finally {
            release(task);
        }
    }

    /**
     * {@code C[rows x cols] = sum_p a(r, p) B[p, :]}, split over threads by column panels. Columns that
     * are not a whole number of vectors (a 10-class output layer) are padded to one: B is copied into
     * a wider scratch, the product fills a wider output, and the real columns are copied back, so that
     * every column runs the vector tiles (masked vector loads would do, but box on JDK 17).
     */
    private void product(ProductTask task, float[] a, int rowStride, int reductionStride, float[] b, float[] c,
                         int rows, int reduction, int cols) {
        if (cols % L == 0) {
            dispatch(task, a, rowStride, reductionStride, b, c, rows, reduction, cols);
            return;
        }
        int padded = (cols + L - 1) / L * L;
        float[] wideB = task.paddedB(reduction * padded);
        for (int p = 0; p < reduction; p++) {
            System.arraycopy(b, p * cols, wideB, p * padded, cols);
        }
        float[] wideC = task.paddedC(rows * padded);
        task.padBias(cols, padded);
        dispatch(task, a, rowStride, reductionStride, wideB, wideC, rows, reduction, padded);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(wideC, r * padded, c, r * cols, cols);
        }
    }

    private void dispatch(ProductTask task, float[] a, int rowStride, int reductionStride, float[] b, float[] c,
                          int rows, int reduction, int cols) {
        task.set(a, rowStride, reductionStride, b, c, rows, reduction, cols);
        int panels = (cols + PANEL - 1) / PANEL;
        long work = (long) rows * reduction * cols;
        int parts = work < PARALLEL_WORK ? 1 : Math.min(parallel.threads(), panels);
        try {
            parallel.run(task, parts);
        } finally {
            task.transposeFirst(null);
        }
    }

    /**
     * Columns {@code from..to} of {@code to[n x k] = from[k x n]^T}, in square blocks so that reads and
     * writes both stay in cache.
     */
    private static void transpose(float[] source, float[] target, int k, int n, int fromColumn, int toColumn) {
        final int block = 16;
        for (int p0 = fromColumn; p0 < toColumn; p0 += block) {
            int pEnd = Math.min(toColumn, p0 + block);
            for (int j0 = 0; j0 < n; j0 += block) {
                int jEnd = Math.min(n, j0 + block);
                for (int p = p0; p < pEnd; p++) {
                    for (int j = j0; j < jEnd; j++) {
                        target[j * k + p] = source[p * n + j];
                    }
                }
            }
        }
    }

    /** The arguments and scratch arrays of one product call, pooled so that a call allocates nothing. */
    private static final class ProductTask implements Parallel.Task {
        float[] a;
        float[] b;
        float[] c;
        int rowStride;
        int reductionStride;
        int rows;
        int reduction;
        int cols;
        private float[] transposed = new float[0];
        private float[] transposeSource;
        // What happens as a tile is stored: + bias (null for none), then max(0, .) when relu.
        private float[] bias;
        private boolean relu;
        private float[] paddedBias = new float[0];

        void epilogue(float[] bias, boolean relu) {
            this.bias = bias;
            this.relu = relu;
        }

        /** Widens the bias with the columns, when the product is padded (see product()). */
        void padBias(int cols, int padded) {
            if (bias != null) {
                if (paddedBias.length < padded) {
                    paddedBias = new float[padded];
                }
                System.arraycopy(bias, 0, paddedBias, 0, cols);
                bias = paddedBias;
            }
        }

        /**
         * Applies the epilogue to a tile just stored ({@code rows} rows from {@code r}, {@code vectors}
         * vectors from column {@code j}), while it is in L1. A pass of its own rather than inside the
         * tile's stores: a vector handed to a method the JIT does not inline is boxed, and the tiles
         * are too large to inline much into.
         */
        private void finish(int r, int j, int rowCount, int vectors) {
            if (bias == null && !relu) {
                return;
            }
            for (int row = r; row < r + rowCount; row++) {
                for (int v = 0; v < vectors; v++) {
                    int ci = row * cols + j + v * L;
                    FloatVector acc = FloatVector.fromArray(S, c, ci);
                    if (bias != null) {
                        acc = acc.add(FloatVector.fromArray(S, bias, j + v * L));
                    }
                    if (relu) {
                        acc = acc.max(0f);
                    }
                    acc.intoArray(c, ci);
                }
            }
        }

        void set(float[] a, int rowStride, int reductionStride, float[] b, float[] c, int rows, int reduction, int cols) {
            this.a = a;
            this.rowStride = rowStride;
            this.reductionStride = reductionStride;
            this.b = b;
            this.c = c;
            this.rows = rows;
            this.reduction = reduction;
            this.cols = cols;
        }

        /** The next product's B is {@code source^T}: each part fills its own columns of it first. */
        void transposeFirst(float[] source) {
            transposeSource = source;
        }

        float[] transposed(int size) {
            if (transposed.length < size) {
                transposed = new float[size];
            }
            return transposed;
        }

        // The padded copies of B and C, grown as needed. Pad lanes may hold values of an earlier call:
        // column j of C depends on column j of B alone, so they reach only pad columns, which are dropped.
        private float[] paddedB = new float[0];
        private float[] paddedC = new float[0];

        float[] paddedB(int size) {
            if (paddedB.length < size) {
                paddedB = new float[size];
            }
            return paddedB;
        }

        float[] paddedC(int size) {
            if (paddedC.length < size) {
                paddedC = new float[size];
            }
            return paddedC;
        }

        @Override
        public void run(int part, int parts) {
            int panels = (cols + PANEL - 1) / PANEL;
            int from = (int) ((long) panels * part / parts) * PANEL;
            int to = Math.min(cols, (int) ((long) panels * (part + 1) / parts) * PANEL);
            if (transposeSource != null) {
                transpose(transposeSource, b, cols, reduction, from, to);
            }
            columns(from, to);
        }

        private void columns(int from, int to) {
            int j = from;
            for (; j + PANEL <= to; j += PANEL) {
                int r = 0;
                for (; r + ROWS <= rows; r += ROWS) {
                    tile8x2(r, j);
                }
                for (; r + 4 <= rows; r += 4) {
                    tile4x2(r, j);
                }
                for (; r < rows; r++) {
                    tile1x2(r, j);
                }
            }
            for (; j < to; j += L) {                 // a half panel: one vector at a time (cols is a multiple of L)
                for (int r = 0; r < rows; r++) {
                    tile1x1(r, j);
                }
            }
        }

        // Eight rows by two vectors: 16 accumulators, 10 loads per 16 fused multiply-adds, enough
        // independent chains to cover the FMA latency (AVX-512 has 32 vector registers). The tiles are
        // written out, not looped over arrays of vectors: an array would box every vector.
        private void tile8x2(int r, int j) {
            FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
            FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
            FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
            FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
            FloatVector c40 = FloatVector.zero(S), c41 = FloatVector.zero(S);
            FloatVector c50 = FloatVector.zero(S), c51 = FloatVector.zero(S);
            FloatVector c60 = FloatVector.zero(S), c61 = FloatVector.zero(S);
            FloatVector c70 = FloatVector.zero(S), c71 = FloatVector.zero(S);
            int rs = rowStride;
            int ai = r * rs;
            int bi = j;
            for (int p = 0; p < reduction; p++, ai += reductionStride, bi += cols) {
                FloatVector b0 = FloatVector.fromArray(S, b, bi);
                FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                FloatVector a0 = FloatVector.broadcast(S, a[ai]);
                c00 = a0.fma(b0, c00);
                c01 = a0.fma(b1, c01);
                FloatVector a1 = FloatVector.broadcast(S, a[ai + rs]);
                c10 = a1.fma(b0, c10);
                c11 = a1.fma(b1, c11);
                FloatVector a2 = FloatVector.broadcast(S, a[ai + 2 * rs]);
                c20 = a2.fma(b0, c20);
                c21 = a2.fma(b1, c21);
                FloatVector a3 = FloatVector.broadcast(S, a[ai + 3 * rs]);
                c30 = a3.fma(b0, c30);
                c31 = a3.fma(b1, c31);
                FloatVector a4 = FloatVector.broadcast(S, a[ai + 4 * rs]);
                c40 = a4.fma(b0, c40);
                c41 = a4.fma(b1, c41);
                FloatVector a5 = FloatVector.broadcast(S, a[ai + 5 * rs]);
                c50 = a5.fma(b0, c50);
                c51 = a5.fma(b1, c51);
                FloatVector a6 = FloatVector.broadcast(S, a[ai + 6 * rs]);
                c60 = a6.fma(b0, c60);
                c61 = a6.fma(b1, c61);
                FloatVector a7 = FloatVector.broadcast(S, a[ai + 7 * rs]);
                c70 = a7.fma(b0, c70);
                c71 = a7.fma(b1, c71);
            }
            int ci = r * cols + j;
            c00.intoArray(c, ci);
            c01.intoArray(c, ci + L);
            c10.intoArray(c, ci + cols);
            c11.intoArray(c, ci + cols + L);
            c20.intoArray(c, ci + 2 * cols);
            c21.intoArray(c, ci + 2 * cols + L);
            c30.intoArray(c, ci + 3 * cols);
            c31.intoArray(c, ci + 3 * cols + L);
            c40.intoArray(c, ci + 4 * cols);
            c41.intoArray(c, ci + 4 * cols + L);
            c50.intoArray(c, ci + 5 * cols);
            c51.intoArray(c, ci + 5 * cols + L);
            c60.intoArray(c, ci + 6 * cols);
            c61.intoArray(c, ci + 6 * cols + L);
            c70.intoArray(c, ci + 7 * cols);
            c71.intoArray(c, ci + 7 * cols + L);
            finish(r, j, 8, 2);
        }

        private void tile4x2(int r, int j) {
            FloatVector c00 = FloatVector.zero(S), c01 = FloatVector.zero(S);
            FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
            FloatVector c20 = FloatVector.zero(S), c21 = FloatVector.zero(S);
            FloatVector c30 = FloatVector.zero(S), c31 = FloatVector.zero(S);
            int ai = r * rowStride;
            int bi = j;
            for (int p = 0; p < reduction; p++, ai += reductionStride, bi += cols) {
                FloatVector b0 = FloatVector.fromArray(S, b, bi);
                FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                FloatVector a0 = FloatVector.broadcast(S, a[ai]);
                c00 = a0.fma(b0, c00);
                c01 = a0.fma(b1, c01);
                FloatVector a1 = FloatVector.broadcast(S, a[ai + rowStride]);
                c10 = a1.fma(b0, c10);
                c11 = a1.fma(b1, c11);
                FloatVector a2 = FloatVector.broadcast(S, a[ai + 2 * rowStride]);
                c20 = a2.fma(b0, c20);
                c21 = a2.fma(b1, c21);
                FloatVector a3 = FloatVector.broadcast(S, a[ai + 3 * rowStride]);
                c30 = a3.fma(b0, c30);
                c31 = a3.fma(b1, c31);
            }
            int ci = r * cols + j;
            c00.intoArray(c, ci);
            c01.intoArray(c, ci + L);
            c10.intoArray(c, ci + cols);
            c11.intoArray(c, ci + cols + L);
            c20.intoArray(c, ci + 2 * cols);
            c21.intoArray(c, ci + 2 * cols + L);
            c30.intoArray(c, ci + 3 * cols);
            c31.intoArray(c, ci + 3 * cols + L);
            finish(r, j, 4, 2);
        }

        private void tile1x2(int r, int j) {
            FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
            int ai = r * rowStride;
            int bi = j;
            for (int p = 0; p < reduction; p++, ai += reductionStride, bi += cols) {
                FloatVector a0 = FloatVector.broadcast(S, a[ai]);
                c0 = a0.fma(FloatVector.fromArray(S, b, bi), c0);
                c1 = a0.fma(FloatVector.fromArray(S, b, bi + L), c1);
            }
            c0.intoArray(c, r * cols + j);
            c1.intoArray(c, r * cols + j + L);
            finish(r, j, 1, 2);
        }

        private void tile1x1(int r, int j) {
            FloatVector c0 = FloatVector.zero(S);
            int ai = r * rowStride;
            int bi = j;
            for (int p = 0; p < reduction; p++, ai += reductionStride, bi += cols) {
                c0 = FloatVector.broadcast(S, a[ai]).fma(FloatVector.fromArray(S, b, bi), c0);
            }
            c0.intoArray(c, r * cols + j);
            finish(r, j, 1, 1);
        }
    }

    @Override
    public void addRowVector(float[] c, float[] bias, int m, int n) {
        for (int i = 0; i < m; i++) {
            int row = i * n;
            int j = 0;
            for (; j < S.loopBound(n); j += L) {
                FloatVector.fromArray(S, c, row + j).add(FloatVector.fromArray(S, bias, j)).intoArray(c, row + j);
            }
            for (; j < n; j++) {
                c[row + j] += bias[j];
            }
        }
    }

    @Override
    public void sumRows(float[] a, float[] out, int m, int n) {
        int j = 0;
        for (; j < S.loopBound(n); j += L) {          // one column strip at a time, rows in order
            FloatVector sum = FloatVector.zero(S);
            for (int i = 0; i < m; i++) {
                sum = sum.add(FloatVector.fromArray(S, a, i * n + j));
            }
            sum.intoArray(out, j);
        }
        for (; j < n; j++) {
            float sum = 0f;
            for (int i = 0; i < m; i++) {
                sum += a[i * n + j];
            }
            out[j] = sum;
        }
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        int i = 0;
        for (; i < S.loopBound(n); i += L) {
            FloatVector.fromArray(S, x, i).max(0f).intoArray(y, i);
        }
        for (; i < n; i++) {
            y[i] = Math.max(0f, x[i]);
        }
    }

    @Override
    public void reluBackward(float[] y, float[] dy, float[] dx, int n) {
        int i = 0;
        FloatVector zero = FloatVector.zero(S);
        for (; i < S.loopBound(n); i += L) {
            VectorMask<Float> active = FloatVector.fromArray(S, y, i).compare(VectorOperators.GT, 0f);
            zero.blend(FloatVector.fromArray(S, dy, i), active).intoArray(dx, i);
        }
        for (; i < n; i++) {
            dx[i] = y[i] > 0f ? dy[i] : 0f;
        }
    }
}
