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
 * so {@code X W} and {@code dY W^T} (rowStride k, reductionStride 1) read A in place, and {@code X^T
 * dY} (rowStride 1, reductionStride k) first copies A into slivers of {@value #SLIVER} rows, where
 * a(r..r+15, p) lie side by side, as X holds them. B is packed, as BLAS libraries do: each panel of
 * {@value #PANEL_VECTORS} vectors of columns is copied into a contiguous buffer ({@code reduction x
 * panel}) before its tiles run, so they stream it from L1/L2 instead of striding through the matrix
 * (with rows 4 KiB apart, as in a 1024-wide layer, every row of a panel lands in the same cache set);
 * {@code dY W^T} copies W's rows straight into the panel, so no transposed copy of W is made (and
 * with a small batch against a wide layer computes {@code (W dY^T)^T}, packing dY instead of W).
 * (Reading a narrow B in place instead was measured: no faster on one thread, slower on two.) Only a
 * product of fewer than {@value #PACK_ROWS} rows, such as a prediction for one sample, reads B in
 * place: each packed value would be used fewer than that many times, and packing tripled the latency
 * of a one-sample prediction. Where a part's A is over 1 MB (256 x 2048), the reduction and the rows
 * are cut into blocks so that a block of A stays in L2 while every panel passes it, as BLAS libraries
 * block ({@code blocks}). A tile of 4 rows by four vectors of columns lives in registers across a
 * block of the reduction (then 8 x 2, 4 x 2, 8 x 1 and single rows for what is left of a panel): 16
 * accumulators, with one broadcast of A per four multiply-adds. In its loop every index is the loop
 * counter times a constant plus an invariant, which is what lets the JIT check array bounds once
 * per loop instead of at every load; the slivers and the fixed panel width are there for that.
 *
 * <p>Every element of C is the same chain of fused multiply-adds in p order, whatever tile or thread
 * computes it: results are identical on 1 or 2 threads, and to the plain kernels' {@link Math#fma}
 * loops. (No lane reductions: their floating point order is unspecified.) Threads share out C's
 * column panels, or its rows where C has more rows than columns and for {@code X^T dY}, in fixed
 * shares (a part keeps the same rows or columns from call to call, and they stay in its core's
 * cache); a product whose columns are not a whole number of vectors (a 10-class output) packs zeros
 * into the missing columns and writes a padded copy of C, and a dense layer's bias and ReLU are
 * applied to each tile as it is stored ({@link #matmulBias}).
 *
 * <p>Any number of threads may call at once: each call takes a task (its arguments and scratch
 * arrays) from a small pool of idle ones and puts it back when done, so no call allocates once warm
 * and nothing is kept per calling thread. The helper threads of one call at a time share its work;
 * {@link #close} stops them.
 */
final class VectorKernels extends ScalarKernels implements AutoCloseable {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int PANEL_VECTORS = 4;
    private static final int PANEL = PANEL_VECTORS * L;
    private static final int ROWS = 8;
    /** Products with fewer rows read B in place (see the class comment). */
    private static final int PACK_ROWS = 16;
    // Reduction steps per block of the 4 x 4 tiles: a block of a 4-vector panel is 96 x 64 floats, 24 KB,
    // half of an L1 data cache.
    private static final int REDUCTION_BLOCK = 96;
    /**
     * Rows of a transposed A ({@code X^T dY}) copied side by side: a(r, p) for 16 rows r is one vector
     * in X, stored at {@code p * SLIVER} of the row group's sliver (see {@code packSlivers}).
     */
    private static final int SLIVER = Math.max(16, L);
    /**
     * At most this many reduction steps per block of a packed product (see {@code blocks}): the block's
     * sums wait in C while the next block's panels are packed.
     */
    private static final int A_BLOCK_STEPS = 512;
    /** Floats of A (rows x reduction block) meant to stay in L2 while every panel of B passes them: 512 KB. */
    private static final int A_BLOCK = 128 * 1024;
    /** Columns of a row tile of a prediction, B read in place: 16 vectors. */
    private static final int WIDE_ROW = 16 * L;
    /** Below this many multiply-adds a product runs on one thread: handing it over would cost more. */
    private static final long PARALLEL_WORK = 1 << 18;

    /** Idle tasks kept for reuse: enough for every thread of a busy server to find one. */
    private static final int IDLE_TASKS = 64;

    private final Parallel parallel;
    private final AtomicReferenceArray<ProductTask> idle = new AtomicReferenceArray<>(IDLE_TASKS);

    VectorKernels(int threads) {
        super(true);
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
        return new ProductTask(parallel.threads());
    }

    /** Keeps a finished task for the next call, forgetting the caller's arrays. */
    private void release(ProductTask task) {
        task.forget();
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
    public int threads() {
        return parallel.threads();
    }

    @Override
    public void inParts(int parts, Part work) {
        if (parts > parallel.threads()) {
            super.inParts(parts, work);                 // more parts than threads: one after another, here
        } else {
            parallel.run(work, parts);
        }
    }

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n) {
        ProductTask task = acquire();
        try {
            product(task, a, k, 1, b, false, c, m, k, n);
        } finally {
            release(task);
        }
    }

    @Override
    public void matmulBias(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n, boolean relu) {
        ProductTask task = acquire();
        try {
            task.epilogue(bias, relu);
            product(task, a, k, 1, b, false, c, m, k, n);
        } finally {
            release(task);
        }
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
        ProductTask task = acquire();
        try {
            product(task, a, 1, k, b, false, c, k, m, n);
        } finally {
            release(task);
        }
    }

    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int n, int k) {
        ProductTask task = acquire();
        try {
            if ((long) k * n > 2L * m * (n + k)) {
                // Few rows (a small batch against a wide layer): C^T = b a^T instead, then C from it. Each
                // element is the same sum in the same order (the same bits), but the transposing pack then
                // copies a (m x n) rather than b (k x n), which at 64 x 1024 x 1024 took a third of the
                // product; transposing C^T back copies m x k. (2x: the transpose costs about what a pack does.)
                // Each part transposes its own rows of C^T into c (C^T has more rows than columns here, so
                // the parts share out rows).
                task.transposeInto(c);
                product(task, b, n, 1, a, true, task.transposedC(k * m), k, n, m);
            } else {
                product(task, a, n, 1, b, true, c, m, n, k);      // B = b^T: panels packed from b's rows
            }
        } finally {
            release(task);
        }
    }

    /**
     * Rows {@code r0..r1} of {@code from} (rows {@code fromStride} apart, {@code cols} used) into the
     * same columns of {@code to} (rows {@code toStride} apart), eight rows at a time.
     */
    private static void transpose(float[] from, int fromStride, float[] to, int toStride, int r0, int r1, int cols) {
        int r = r0;
        for (; r + 8 <= r1; r += 8) {
            copyEightRowsAcross(from, r * fromStride, fromStride, to, r, toStride, cols);
        }
        for (; r < r1; r++) {
            for (int j = 0; j < cols; j++) {
                to[j * toStride + r] = from[r * fromStride + j];
            }
        }
    }

    /**
     * {@code C[rows x cols] = sum_p a(r, p) B[p, :]}, where B is {@code b} ({@code reduction x cols}) or,
     * when {@code bTransposed}, {@code b^T} ({@code b} is {@code cols x reduction}); split over threads by
     * rows or by column panels (see {@link ProductTask#splitRows}). Columns that are not a whole number
     * of vectors (a 10-class output layer) are computed into a padded scratch C whose real columns are
     * copied back: every column runs the vector tiles (masked vector stores would do, but box on JDK 17).
     */
    private void product(ProductTask task, float[] a, int rowStride, int reductionStride, float[] b, boolean bTransposed,
                         float[] c, int rows, int reduction, int cols) {
        int padded = (cols + L - 1) / L * L;
        float[] target = padded == cols ? c : task.paddedC(rows * padded);
        if (padded != cols) {
            task.padBias(cols, padded);
        }
        task.set(a, rowStride, reductionStride, b, bTransposed, cols, target, rows, reduction, padded);
        task.inPlace = !bTransposed && padded == cols && rows < PACK_ROWS;
        long work = (long) rows * reduction * padded;
        parallel.run(task, work < PARALLEL_WORK ? 1 : Math.min(parallel.threads(), task.splits()));
        if (padded != cols && task.transposeInto == null) {   // (transposed, the parts read the padded C)
            for (int r = 0; r < rows; r++) {
                System.arraycopy(target, r * padded, c, r * cols, cols);
            }
        }
    }

    /**
     * Transposes eight rows of {@code from}, which start at {@code at} {@code fromStride} apart, over
     * {@code count} elements: element e of the eight rows becomes eight neighbouring floats of {@code to}
     * at {@code into + e * toStride}. Reading eight rows side by side writes whole stretches of
     * {@code to}: twice as fast as copying one row at a time (0.46 against 0.93 ns a float, 784 x 256).
     */
    private static void copyEightRowsAcross(float[] from, int at, int fromStride, float[] to, int into, int toStride,
                                            int count) {
        int f = fromStride;
        for (int e = 0, s = at, o = into; e < count; e++, s++, o += toStride) {
            to[o] = from[s];
            to[o + 1] = from[s + f];
            to[o + 2] = from[s + 2 * f];
            to[o + 3] = from[s + 3 * f];
            to[o + 4] = from[s + 4 * f];
            to[o + 5] = from[s + 5 * f];
            to[o + 6] = from[s + 6 * f];
            to[o + 7] = from[s + 7 * f];
        }
    }

    /** {@code buffer}, or a new array when it holds fewer than {@code size} floats: scratch grows, never shrinks. */
    private static float[] atLeast(float[] buffer, int size) {
        return buffer.length < size ? new float[size] : buffer;
    }

    /** The arguments and scratch arrays of one product call, pooled so that a call allocates nothing. */
    private static final class ProductTask implements Kernels.Part {
        float[] a;
        float[] b;
        float[] c;
        int rowStride;
        int reductionStride;
        boolean bTransposed;
        int bCols;                  // columns B really has; packing fills the rest of a panel with zeros
        int rows;
        int reduction;
        int cols;                   // columns of c: bCols rounded up to whole vectors
        boolean inPlace;            // B read where it is, rather than packed panel by panel
        // A transposed (X^T dY): copied into slivers, each part its own rows, and read from there; the
        // tiles step through A by tileRowStride per row and tileStep per reduction step.
        boolean slivered;
        int tileRowStride;
        int tileStep;
        private float[] slivers = new float[0];
        /**
         * Whether the parts share out C's rows rather than its column panels. Each part reads its share
         * of the split operand and all of the other, so the larger one is split: rows when C has more
         * rows than columns (A is then larger than B, as in a 10-class output, whose single panel could
         * not be split at all), and always for a transposed A, which each part copies into slivers: its
         * own rows only, where a column split would have every part copy all of A.
         */
        boolean splitRows;
        // Each part's packed panel of B: reduction x PANEL floats, row p at p * PANEL.
        private final float[][] panels;
        // What happens as a tile is stored: + bias (null for none), then max(0, .) when relu.
        private float[] bias;
        private boolean relu;
        private float[] paddedBias = new float[0];
        private float[] paddedC = new float[0];
        private float[] transposedC = new float[0];
        // Where each part writes its rows of C transposed, for dY W^T computed as (W dY^T)^T; else null.
        private float[] transposeInto;

        ProductTask(int parts) {
            panels = new float[parts][0];
        }

        void epilogue(float[] bias, boolean relu) {
            this.bias = bias;
            this.relu = relu;
        }

        /** Widens the bias with the columns, when the product is padded (see product()). */
        void padBias(int cols, int padded) {
            if (bias != null) {
                paddedBias = atLeast(paddedBias, padded);
                System.arraycopy(bias, 0, paddedBias, 0, cols);
                bias = paddedBias;
            }
        }

        void transposeInto(float[] target) {
            transposeInto = target;
        }

        // C^T for a dY W^T computed transposed (see matmulTransB), grown as needed.
        float[] transposedC(int size) {
            transposedC = atLeast(transposedC, size);
            return transposedC;
        }

        // The padded copy of C, grown as needed. Its pad columns come from B's zero-packed columns.
        float[] paddedC(int size) {
            paddedC = atLeast(paddedC, size);
            return paddedC;
        }

        void set(float[] a, int rowStride, int reductionStride, float[] b, boolean bTransposed, int bCols, float[] c, int rows,
                 int reduction, int cols) {
            this.a = a;
            this.rowStride = rowStride;
            this.reductionStride = reductionStride;
            this.b = b;
            this.bTransposed = bTransposed;
            this.bCols = bCols;
            this.c = c;
            this.rows = rows;
            this.reduction = reduction;
            this.cols = cols;
            this.slivered = reductionStride != 1;
            this.tileRowStride = slivered ? 1 : rowStride;
            this.tileStep = slivered ? SLIVER : 1;
            this.splitRows = slivered || rows > cols;
            int size = slivered ? (rows + SLIVER - 1) / SLIVER * SLIVER * reduction : 0;
            slivers = atLeast(slivers, size);
        }

        /** Into how many parts the work can be cut: groups of rows, or column panels. */
        int splits() {
            return splitRows ? (rows + rowGroup() - 1) / rowGroup() : (cols + PANEL - 1) / PANEL;
        }

        // The rows of a part are whole slivers, or whole 8-row tiles.
        private int rowGroup() {
            return slivered ? SLIVER : ROWS;
        }

        /** Drops the caller's arrays, so that an idle task keeps nothing of theirs alive. */
        void forget() {
            set(null, 0, 0, null, false, 0, null, 0, 0, 0);
            epilogue(null, false);
            transposeInto = null;
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

        @Override
        public void run(int part, int parts) {
            int r0 = 0;
            int r1 = rows;
            int from = 0;
            int to = cols;
            if (splitRows) {
                int groups = splits();
                r0 = Math.min(rows, groups * part / parts * rowGroup());
                r1 = Math.min(rows, groups * (part + 1) / parts * rowGroup());
            } else {
                int panelCount = splits();
                from = (int) ((long) panelCount * part / parts) * PANEL;
                to = Math.min(cols, (int) ((long) panelCount * (part + 1) / parts) * PANEL);
            }
            if (r0 >= r1 || from >= to) {
                return;
            }
            float[] tileA = a;
            if (slivered) {
                packSlivers(r0, r1);
                tileA = slivers;
            }
            if (inPlace) {
                int j = from;
                if (r1 - r0 < 4) {
                    // A prediction of one to three samples: each row against 16 vectors of B at a time, then
                    // 4, as many chains of multiply-adds, reading each row of B front to back (1x784x256:
                    // 11.6 us, against 19.2 two vectors at a time and 14.8 four, measured alone); the tiles
                    // below take what is left.
                    for (; to - j >= WIDE_ROW; j += WIDE_ROW) {
                        for (int r = r0; r < r1; r++) {
                            tile1x16(tileA, b, r, j);
                        }
                    }
                    for (; to - j >= PANEL; j += PANEL) {
                        for (int r = r0; r < r1; r++) {
                            tile1x4(tileA, b, r, j);
                        }
                    }
                }
                for (; j < to; j += PANEL) {
                    tiles(tileA, b, cols, j, j, Math.min(PANEL, to - j), r0, r1, 0, reduction);
                }
            } else {
                blocks(tileA, part, r0, r1, from, to);
            }
            if (transposeInto != null) {                   // whole rows: C^T has more rows than columns
                transpose(c, cols, transposeInto, rows, r0, r1, bCols);
            }
        }

        /**
         * The part's rows {@code r0..r1} and columns {@code from..to} of C. Where the part's A is over
         * half of L2, blocked as BLAS libraries block a product: the reduction in blocks of at most
         * {@value #A_BLOCK_STEPS} steps, and the rows in blocks small enough that their part of A
         * ({@code rows x block}, {@value #A_BLOCK} floats at most) stays in L2 while every panel of B
         * passes it. Without this a product whose A does not fit in L2 (256 x 2048) read all of A from
         * memory again for every panel. Each panel's block ({@code block x PANEL}) is packed just before
         * the first row block uses it, while it is in cache; with more than one row block the packed
         * panels are kept for the others. The sums of the earlier reduction blocks wait in C (stored and
         * loaded exactly: the same bits as one pass).
         */
        private void blocks(float[] tileA, int part, int r0, int r1, int from, int to) {
            // A part's A that fits in L2 twice over (1 MB) runs in one block: blocks would only add C's round trips.
            boolean fits = (long) (r1 - r0) * reduction <= 2L * A_BLOCK;
            int blockCount = fits ? 1 : (reduction + A_BLOCK_STEPS - 1) / A_BLOCK_STEPS;
            int block = (reduction + blockCount - 1) / blockCount;       // even blocks: no short last one
            int rowBlock = fits ? r1 - r0 : Math.max(rowGroup(), A_BLOCK / block / rowGroup() * rowGroup());
            int kept = r1 - r0 > rowBlock ? (to - from + PANEL - 1) / PANEL : 1;     // panels packed at once
            float[] packed = panels[part] = atLeast(panels[part], block * PANEL * kept);
            int next = kept > 1 ? block * PANEL : 0;
            for (int q0 = 0; q0 < reduction; q0 += block) {
                int q1 = Math.min(reduction, q0 + block);
                for (int m0 = r0; m0 < r1; m0 += rowBlock) {
                    int m1 = Math.min(r1, m0 + rowBlock);
                    for (int j = from, at = 0; j < to; j += PANEL, at += next) {
                        int width = Math.min(PANEL, to - j);             // PANEL, or 1 to 3 vectors for the last panel
                        if (m0 == r0) {
                            pack(packed, at, j, width, q0, q1);
                        }
                        tiles(tileA, packed, PANEL, at - q0 * PANEL, j, width, m0, m1, q0, q1);   // step p at at + (p - q0) * PANEL
                    }
                }
            }
        }

        /**
         * Where row r of A starts, in the array the tiles read: A itself, or for a transposed A its
         * slivers, where row r is column {@code r % SLIVER} of sliver {@code r / SLIVER}.
         */
        private int aStart(int r) {
            return slivered ? r / SLIVER * SLIVER * reduction + r % SLIVER : r * rowStride;
        }

        /**
         * Copies a transposed A into slivers of {@value #SLIVER} rows: a(r, p) for the sliver's rows
         * lie side by side in X (one vector), so each reduction step is one vector copied, and the
         * tiles then read A at a constant step ({@code SLIVER}) that the JIT can check once per loop
         * rather than once per element. Rows past the last are zeros. Rows r0..r1 only: a part's own.
         */
        private void packSlivers(int r0, int r1) {
            for (int s = r0; s < r1; s += SLIVER) {
                int base = s * reduction;
                int n = Math.min(SLIVER, rows - s);
                for (int p = 0, from = s * rowStride, to = base; p < reduction; p++, from += reductionStride, to += SLIVER) {
                    if (n == SLIVER) {
                        for (int v = 0; v < SLIVER; v += L) {
                            FloatVector.fromArray(S, a, from + v).intoArray(slivers, to + v);
                        }
                    } else {
                        for (int i = 0; i < SLIVER; i++) {
                            slivers[to + i] = i < n ? a[from + i] : 0f;
                        }
                    }
                }
            }
        }

        /**
         * Every row tile of rows {@code r0..r1} and columns {@code j..j+width} of C over reduction steps
         * {@code q0..q1}, reading A from {@code a} (see {@link #aStart}) and step p of B from {@code b}
         * at {@code offset + p * stride}: four vectors wide where a packed panel has them, then two,
         * then one.
         */
        private void tiles(float[] a, float[] b, int stride, int offset, int j, int width, int r0, int r1, int q0, int q1) {
            int done = 0;
            if (!inPlace && width >= 4 * L) {
                // The steps in even blocks of at most REDUCTION_BLOCK, every row tile per block: the block of the
                // panel (at most 24 KB) stays in L1 while all rows use it, instead of coming from L2 for every tile.
                // Fewer than two blocks' steps run in one pass: a short last block costs more than it saves
                // (dY W^T 256x256x128 on 2 threads: 79-89 us in one pass, 90-100 in blocks).
                int whole = r0 + (r1 - r0) / 4 * 4;
                int steps = q1 - q0;
                int count = (steps + REDUCTION_BLOCK - 1) / REDUCTION_BLOCK;
                int block = steps >= 2 * REDUCTION_BLOCK ? (steps + count - 1) / count : steps;      // even blocks
                for (int p0 = q0; p0 < q1; p0 += block) {
                    int p1 = Math.min(q1, p0 + block);
                    for (int r = r0; r < whole; r += 4) {
                        tile4x4(a, b, offset, r, j, p0, p1);
                    }
                }
                for (int r = whole; r < r1; r++) {
                    tile1x2(a, b, stride, offset, r, j, q0, q1);
                    tile1x2(a, b, stride, offset + 2 * L, r, j + 2 * L, q0, q1);
                }
                done += 4 * L;
            }
            for (; width - done >= 2 * L; done += 2 * L) {
                int r = r0;
                for (; r + ROWS <= r1; r += ROWS) {
                    tile8x2(a, b, stride, offset + done, r, j + done, q0, q1);
                }
                for (; r + 4 <= r1; r += 4) {
                    tile4x2(a, b, stride, offset + done, r, j + done, q0, q1);
                }
                for (; r < r1; r++) {
                    tile1x2(a, b, stride, offset + done, r, j + done, q0, q1);
                }
            }
            if (width - done >= L) {
                int r = r0;
                for (; !inPlace && r + ROWS <= r1; r += ROWS) {
                    if (slivered) {
                        tile8x1Slivers(a, b, offset + done, r, j + done, q0, q1);
                    } else {
                        tile8x1Rows(a, b, offset + done, r, j + done, q0, q1);
                    }
                }
                for (; r < r1; r++) {
                    tile1x1(a, b, stride, offset + done, r, j + done, q0, q1);
                }
            }
        }

        // Four rows by four vectors of a packed panel (step p at bStart + p * PANEL): 16 accumulators,
        // 8 loads (4 broadcasts) per 16 fused multiply-adds: half the broadcasts of the 8 x 2 tile, which
        // compete with the multiply-adds for a port.
        // Reduction steps p0..p1 only: the accumulators start from zero at p0 = 0, else from the sums
        // the earlier blocks stored in C (floats stored and loaded exactly: the same bits as one pass).
        // Every index in the loop is the loop counter times a constant plus a loop invariant, so the JIT
        // checks the array bounds once before the loop instead of eight times a step. One method per layout
        // of A: with both loops in one method the JIT ran short of registers and moved pointers in and out
        // of vector registers every step (25-30% slower).
        private void tile4x4(float[] a, float[] b, int bStart, int r, int j, int p0, int p1) {
            if (slivered) {
                tile4x4Slivers(a, b, bStart, r, j, p0, p1);
            } else {
                tile4x4Rows(a, b, bStart, r, j, p0, p1);
            }
        }

        /** The 4 x 4 tile where A's rows lie in A: a(r + i, p) = a[a_i + p]. */
        private void tile4x4Rows(float[] a, float[] b, int bStart, int r, int j, int p0, int p1) {
            int ci = r * cols + j;
            FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
            if (p0 == 0) {
                c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = FloatVector.zero(S);
                c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = FloatVector.zero(S);
            } else {
                c00 = FloatVector.fromArray(S, c, ci);
                c01 = FloatVector.fromArray(S, c, ci + L);
                c02 = FloatVector.fromArray(S, c, ci + 2 * L);
                c03 = FloatVector.fromArray(S, c, ci + 3 * L);
                c10 = FloatVector.fromArray(S, c, ci + cols);
                c11 = FloatVector.fromArray(S, c, ci + cols + L);
                c12 = FloatVector.fromArray(S, c, ci + cols + 2 * L);
                c13 = FloatVector.fromArray(S, c, ci + cols + 3 * L);
                c20 = FloatVector.fromArray(S, c, ci + 2 * cols);
                c21 = FloatVector.fromArray(S, c, ci + 2 * cols + L);
                c22 = FloatVector.fromArray(S, c, ci + 2 * cols + 2 * L);
                c23 = FloatVector.fromArray(S, c, ci + 2 * cols + 3 * L);
                c30 = FloatVector.fromArray(S, c, ci + 3 * cols);
                c31 = FloatVector.fromArray(S, c, ci + 3 * cols + L);
                c32 = FloatVector.fromArray(S, c, ci + 3 * cols + 2 * L);
                c33 = FloatVector.fromArray(S, c, ci + 3 * cols + 3 * L);
            }
            int a0 = aStart(r);
            int a1 = a0 + rowStride;
            int a2 = a1 + rowStride;
            int a3 = a2 + rowStride;
            for (int p = p0; p < p1; p++) {
                int bi = bStart + p * PANEL;
                FloatVector b0 = FloatVector.fromArray(S, b, bi);
                FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
                FloatVector x = FloatVector.broadcast(S, a[a0 + p]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                c02 = x.fma(b2, c02);
                c03 = x.fma(b3, c03);
                x = FloatVector.broadcast(S, a[a1 + p]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                c12 = x.fma(b2, c12);
                c13 = x.fma(b3, c13);
                x = FloatVector.broadcast(S, a[a2 + p]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                c22 = x.fma(b2, c22);
                c23 = x.fma(b3, c23);
                x = FloatVector.broadcast(S, a[a3 + p]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                c32 = x.fma(b2, c32);
                c33 = x.fma(b3, c33);
            }
            c00.intoArray(c, ci);
            c01.intoArray(c, ci + L);
            c02.intoArray(c, ci + 2 * L);
            c03.intoArray(c, ci + 3 * L);
            c10.intoArray(c, ci + cols);
            c11.intoArray(c, ci + cols + L);
            c12.intoArray(c, ci + cols + 2 * L);
            c13.intoArray(c, ci + cols + 3 * L);
            c20.intoArray(c, ci + 2 * cols);
            c21.intoArray(c, ci + 2 * cols + L);
            c22.intoArray(c, ci + 2 * cols + 2 * L);
            c23.intoArray(c, ci + 2 * cols + 3 * L);
            c30.intoArray(c, ci + 3 * cols);
            c31.intoArray(c, ci + 3 * cols + L);
            c32.intoArray(c, ci + 3 * cols + 2 * L);
            c33.intoArray(c, ci + 3 * cols + 3 * L);
            if (p1 == reduction) {
                finish(r, j, 4, 4);
            }
        }

        /** The 4 x 4 tile where A is in slivers: a(r + i, p) = a[a_0 + i + p * SLIVER]. */
        private void tile4x4Slivers(float[] a, float[] b, int bStart, int r, int j, int p0, int p1) {
            int ci = r * cols + j;
            FloatVector c00, c01, c02, c03, c10, c11, c12, c13, c20, c21, c22, c23, c30, c31, c32, c33;
            if (p0 == 0) {
                c00 = c01 = c02 = c03 = c10 = c11 = c12 = c13 = FloatVector.zero(S);
                c20 = c21 = c22 = c23 = c30 = c31 = c32 = c33 = FloatVector.zero(S);
            } else {
                c00 = FloatVector.fromArray(S, c, ci);
                c01 = FloatVector.fromArray(S, c, ci + L);
                c02 = FloatVector.fromArray(S, c, ci + 2 * L);
                c03 = FloatVector.fromArray(S, c, ci + 3 * L);
                c10 = FloatVector.fromArray(S, c, ci + cols);
                c11 = FloatVector.fromArray(S, c, ci + cols + L);
                c12 = FloatVector.fromArray(S, c, ci + cols + 2 * L);
                c13 = FloatVector.fromArray(S, c, ci + cols + 3 * L);
                c20 = FloatVector.fromArray(S, c, ci + 2 * cols);
                c21 = FloatVector.fromArray(S, c, ci + 2 * cols + L);
                c22 = FloatVector.fromArray(S, c, ci + 2 * cols + 2 * L);
                c23 = FloatVector.fromArray(S, c, ci + 2 * cols + 3 * L);
                c30 = FloatVector.fromArray(S, c, ci + 3 * cols);
                c31 = FloatVector.fromArray(S, c, ci + 3 * cols + L);
                c32 = FloatVector.fromArray(S, c, ci + 3 * cols + 2 * L);
                c33 = FloatVector.fromArray(S, c, ci + 3 * cols + 3 * L);
            }
            int a0 = aStart(r);
            for (int p = p0; p < p1; p++) {
                int bi = bStart + p * PANEL;
                int ai = p * SLIVER;
                FloatVector b0 = FloatVector.fromArray(S, b, bi);
                FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                FloatVector b2 = FloatVector.fromArray(S, b, bi + 2 * L);
                FloatVector b3 = FloatVector.fromArray(S, b, bi + 3 * L);
                FloatVector x = FloatVector.broadcast(S, a[a0 + ai]);
                c00 = x.fma(b0, c00);
                c01 = x.fma(b1, c01);
                c02 = x.fma(b2, c02);
                c03 = x.fma(b3, c03);
                x = FloatVector.broadcast(S, a[a0 + ai + 1]);
                c10 = x.fma(b0, c10);
                c11 = x.fma(b1, c11);
                c12 = x.fma(b2, c12);
                c13 = x.fma(b3, c13);
                x = FloatVector.broadcast(S, a[a0 + ai + 2]);
                c20 = x.fma(b0, c20);
                c21 = x.fma(b1, c21);
                c22 = x.fma(b2, c22);
                c23 = x.fma(b3, c23);
                x = FloatVector.broadcast(S, a[a0 + ai + 3]);
                c30 = x.fma(b0, c30);
                c31 = x.fma(b1, c31);
                c32 = x.fma(b2, c32);
                c33 = x.fma(b3, c33);
            }
            c00.intoArray(c, ci);
            c01.intoArray(c, ci + L);
            c02.intoArray(c, ci + 2 * L);
            c03.intoArray(c, ci + 3 * L);
            c10.intoArray(c, ci + cols);
            c11.intoArray(c, ci + cols + L);
            c12.intoArray(c, ci + cols + 2 * L);
            c13.intoArray(c, ci + cols + 3 * L);
            c20.intoArray(c, ci + 2 * cols);
            c21.intoArray(c, ci + 2 * cols + L);
            c22.intoArray(c, ci + 2 * cols + 2 * L);
            c23.intoArray(c, ci + 2 * cols + 3 * L);
            c30.intoArray(c, ci + 3 * cols);
            c31.intoArray(c, ci + 3 * cols + L);
            c32.intoArray(c, ci + 3 * cols + 2 * L);
            c33.intoArray(c, ci + 3 * cols + 3 * L);
            if (p1 == reduction) {
                finish(r, j, 4, 4);
            }
        }

        /**
         * Copies steps {@code q0..q1} of columns {@code j..j+width} of B into {@code panel} from
         * {@code at}, step p at {@code at + (p - q0) * PANEL}; columns B does not have (past
         * {@code bCols}) become zeros.
         */
        private void pack(float[] panel, int at, int j, int width, int q0, int q1) {
            int real = Math.max(0, Math.min(width, bCols - j));
            int steps = q1 - q0;
            if (!bTransposed) {
                // A narrow B (a 10-class output: 10 of 16 columns) copied float by float: System.arraycopy's
                // call cost more than the copy, and the padding is one vector store of zeros.
                for (int p = q0, o = at; p < q1; p++, o += PANEL) {
                    for (int v = real / L * L; v < width; v += L) {
                        FloatVector.zero(S).intoArray(panel, o + v);
                    }
                    if (real < L) {
                        for (int col = 0, from = p * bCols + j; col < real; col++) {
                            panel[o + col] = b[from + col];
                        }
                    } else {
                        System.arraycopy(b, p * bCols + j, panel, o, real);
                    }
                }
                return;
            }
            // B = b^T: column j + col of B is row j + col of b, copied eight rows at a time. (Gathered
            // vector loads were faster still, but on JDK 17 the JIT sometimes left them, and the tiles
            // with them, on the Vector API's allocating fallback for good: 8 KB a step, in one run of six.)
            int col = 0;
            for (; col + 8 <= real; col += 8) {
                copyEightRowsAcross(b, (j + col) * reduction + q0, reduction, panel, at + col, PANEL, steps);
            }
            for (; col < width; col++) {
                int from = (j + col) * reduction + q0;
                for (int p = 0, o = at + col; p < steps; p++, o += PANEL) {
                    panel[o] = col < real ? b[from + p] : 0f;
                }
            }
        }

        // An accumulator's first value: C's, where earlier blocks of the reduction left their sums (resume), else zero.
        private FloatVector start(boolean resume, int at) {
            return resume ? FloatVector.fromArray(S, c, at) : FloatVector.zero(S);
        }

        // Eight rows by two vectors: 16 accumulators, 10 loads per 16 fused multiply-adds, enough
        // independent chains to cover the FMA latency (AVX-512 has 32 vector registers). The tiles are
        // written out, not looped over arrays of vectors: an array would box every vector.
        private void tile8x2(float[] a, float[] b, int stride, int offset, int r, int j, int q0, int q1) {
            int ci = r * cols + j;
            boolean resume = q0 > 0;
            FloatVector c00 = start(resume, ci), c01 = start(resume, ci + L);
            FloatVector c10 = start(resume, ci + cols), c11 = start(resume, ci + cols + L);
            FloatVector c20 = start(resume, ci + 2 * cols), c21 = start(resume, ci + 2 * cols + L);
            FloatVector c30 = start(resume, ci + 3 * cols), c31 = start(resume, ci + 3 * cols + L);
            FloatVector c40 = start(resume, ci + 4 * cols), c41 = start(resume, ci + 4 * cols + L);
            FloatVector c50 = start(resume, ci + 5 * cols), c51 = start(resume, ci + 5 * cols + L);
            FloatVector c60 = start(resume, ci + 6 * cols), c61 = start(resume, ci + 6 * cols + L);
            FloatVector c70 = start(resume, ci + 7 * cols), c71 = start(resume, ci + 7 * cols + L);
            int rs = tileRowStride;
            int ai = aStart(r) + q0 * tileStep;
            int bi = offset + q0 * stride;
            for (int p = q0; p < q1; p++, ai += tileStep, bi += stride) {
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
            if (q1 == reduction) {
                finish(r, j, 8, 2);
            }
        }

        private void tile4x2(float[] a, float[] b, int stride, int offset, int r, int j, int q0, int q1) {
            int ci = r * cols + j;
            boolean resume = q0 > 0;
            FloatVector c00 = start(resume, ci), c01 = start(resume, ci + L);
            FloatVector c10 = start(resume, ci + cols), c11 = start(resume, ci + cols + L);
            FloatVector c20 = start(resume, ci + 2 * cols), c21 = start(resume, ci + 2 * cols + L);
            FloatVector c30 = start(resume, ci + 3 * cols), c31 = start(resume, ci + 3 * cols + L);
            int ai = aStart(r) + q0 * tileStep;
            int bi = offset + q0 * stride;
            for (int p = q0; p < q1; p++, ai += tileStep, bi += stride) {
                FloatVector b0 = FloatVector.fromArray(S, b, bi);
                FloatVector b1 = FloatVector.fromArray(S, b, bi + L);
                FloatVector a0 = FloatVector.broadcast(S, a[ai]);
                c00 = a0.fma(b0, c00);
                c01 = a0.fma(b1, c01);
                FloatVector a1 = FloatVector.broadcast(S, a[ai + tileRowStride]);
                c10 = a1.fma(b0, c10);
                c11 = a1.fma(b1, c11);
                FloatVector a2 = FloatVector.broadcast(S, a[ai + 2 * tileRowStride]);
                c20 = a2.fma(b0, c20);
                c21 = a2.fma(b1, c21);
                FloatVector a3 = FloatVector.broadcast(S, a[ai + 3 * tileRowStride]);
                c30 = a3.fma(b0, c30);
                c31 = a3.fma(b1, c31);
            }
            c00.intoArray(c, ci);
            c01.intoArray(c, ci + L);
            c10.intoArray(c, ci + cols);
            c11.intoArray(c, ci + cols + L);
            c20.intoArray(c, ci + 2 * cols);
            c21.intoArray(c, ci + 2 * cols + L);
            c30.intoArray(c, ci + 3 * cols);
            c31.intoArray(c, ci + 3 * cols + L);
            if (q1 == reduction) {
                finish(r, j, 4, 2);
            }
        }

        // One row of C by 16 vectors, B read in place (row p of B at p * cols): the whole reduction.
        private void tile1x16(float[] a, float[] b, int r, int j) {
            int ci = r * cols + j;
            FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
            FloatVector c2 = FloatVector.zero(S), c3 = FloatVector.zero(S);
            FloatVector c4 = FloatVector.zero(S), c5 = FloatVector.zero(S);
            FloatVector c6 = FloatVector.zero(S), c7 = FloatVector.zero(S);
            FloatVector c8 = FloatVector.zero(S), c9 = FloatVector.zero(S);
            FloatVector c10 = FloatVector.zero(S), c11 = FloatVector.zero(S);
            FloatVector c12 = FloatVector.zero(S), c13 = FloatVector.zero(S);
            FloatVector c14 = FloatVector.zero(S), c15 = FloatVector.zero(S);
            int ai = aStart(r);
            for (int p = 0, bi = j; p < reduction; p++, bi += cols) {
                FloatVector x = FloatVector.broadcast(S, a[ai + p * tileStep]);
                c0 = x.fma(FloatVector.fromArray(S, b, bi), c0);
                c1 = x.fma(FloatVector.fromArray(S, b, bi + L), c1);
                c2 = x.fma(FloatVector.fromArray(S, b, bi + 2 * L), c2);
                c3 = x.fma(FloatVector.fromArray(S, b, bi + 3 * L), c3);
                c4 = x.fma(FloatVector.fromArray(S, b, bi + 4 * L), c4);
                c5 = x.fma(FloatVector.fromArray(S, b, bi + 5 * L), c5);
                c6 = x.fma(FloatVector.fromArray(S, b, bi + 6 * L), c6);
                c7 = x.fma(FloatVector.fromArray(S, b, bi + 7 * L), c7);
                c8 = x.fma(FloatVector.fromArray(S, b, bi + 8 * L), c8);
                c9 = x.fma(FloatVector.fromArray(S, b, bi + 9 * L), c9);
                c10 = x.fma(FloatVector.fromArray(S, b, bi + 10 * L), c10);
                c11 = x.fma(FloatVector.fromArray(S, b, bi + 11 * L), c11);
                c12 = x.fma(FloatVector.fromArray(S, b, bi + 12 * L), c12);
                c13 = x.fma(FloatVector.fromArray(S, b, bi + 13 * L), c13);
                c14 = x.fma(FloatVector.fromArray(S, b, bi + 14 * L), c14);
                c15 = x.fma(FloatVector.fromArray(S, b, bi + 15 * L), c15);
            }
            c0.intoArray(c, ci);
            c1.intoArray(c, ci + L);
            c2.intoArray(c, ci + 2 * L);
            c3.intoArray(c, ci + 3 * L);
            c4.intoArray(c, ci + 4 * L);
            c5.intoArray(c, ci + 5 * L);
            c6.intoArray(c, ci + 6 * L);
            c7.intoArray(c, ci + 7 * L);
            c8.intoArray(c, ci + 8 * L);
            c9.intoArray(c, ci + 9 * L);
            c10.intoArray(c, ci + 10 * L);
            c11.intoArray(c, ci + 11 * L);
            c12.intoArray(c, ci + 12 * L);
            c13.intoArray(c, ci + 13 * L);
            c14.intoArray(c, ci + 14 * L);
            c15.intoArray(c, ci + 15 * L);
            finish(r, j, 1, 16);
        }

        // One row of C by 4 vectors, B read in place, the whole reduction: tile1x16 for a 64-column remainder.
        private void tile1x4(float[] a, float[] b, int r, int j) {
            int ci = r * cols + j;
            FloatVector c0 = FloatVector.zero(S), c1 = FloatVector.zero(S);
            FloatVector c2 = FloatVector.zero(S), c3 = FloatVector.zero(S);
            int ai = aStart(r);
            for (int p = 0, bi = j; p < reduction; p++, bi += cols) {
                FloatVector x = FloatVector.broadcast(S, a[ai + p * tileStep]);
                c0 = x.fma(FloatVector.fromArray(S, b, bi), c0);
                c1 = x.fma(FloatVector.fromArray(S, b, bi + L), c1);
                c2 = x.fma(FloatVector.fromArray(S, b, bi + 2 * L), c2);
                c3 = x.fma(FloatVector.fromArray(S, b, bi + 3 * L), c3);
            }
            c0.intoArray(c, ci);
            c1.intoArray(c, ci + L);
            c2.intoArray(c, ci + 2 * L);
            c3.intoArray(c, ci + 3 * L);
            finish(r, j, 1, 4);
        }

        private void tile1x2(float[] a, float[] b, int stride, int offset, int r, int j, int q0, int q1) {
            int ci = r * cols + j;
            FloatVector c0 = start(q0 > 0, ci), c1 = start(q0 > 0, ci + L);
            int ai = aStart(r) + q0 * tileStep;
            int bi = offset + q0 * stride;
            for (int p = q0; p < q1; p++, ai += tileStep, bi += stride) {
                FloatVector a0 = FloatVector.broadcast(S, a[ai]);
                c0 = a0.fma(FloatVector.fromArray(S, b, bi), c0);
                c1 = a0.fma(FloatVector.fromArray(S, b, bi + L), c1);
            }
            c0.intoArray(c, ci);
            c1.intoArray(c, ci + L);
            if (q1 == reduction) {
                finish(r, j, 1, 2);
            }
        }

        // Eight rows by one vector of a packed panel (step p at bStart + p * PANEL), for a panel of one vector
        // (a 10-class output: 16 columns, padded): eight independent chains of fused multiply-adds where one
        // row alone is a single chain, each step waiting for the one before (4 cycles) with the units idle.
        // One method per layout of A, each index the loop counter times a constant plus an invariant, as in
        // the 4 x 4 tiles: with the layout's steps read from fields the JIT checked every load (16 cycles a step).
        private void tile8x1Rows(float[] a, float[] b, int bStart, int r, int j, int p0, int p1) {
            int ci = r * cols + j;
            boolean resume = p0 > 0;
            FloatVector c0 = start(resume, ci), c1 = start(resume, ci + cols);
            FloatVector c2 = start(resume, ci + 2 * cols), c3 = start(resume, ci + 3 * cols);
            FloatVector c4 = start(resume, ci + 4 * cols), c5 = start(resume, ci + 5 * cols);
            FloatVector c6 = start(resume, ci + 6 * cols), c7 = start(resume, ci + 7 * cols);
            int a0 = aStart(r);
            int a1 = a0 + rowStride;
            int a2 = a1 + rowStride;
            int a3 = a2 + rowStride;
            int a4 = a3 + rowStride;
            int a5 = a4 + rowStride;
            int a6 = a5 + rowStride;
            int a7 = a6 + rowStride;
            for (int p = p0; p < p1; p++) {
                FloatVector b0 = FloatVector.fromArray(S, b, bStart + p * PANEL);
                c0 = FloatVector.broadcast(S, a[a0 + p]).fma(b0, c0);
                c1 = FloatVector.broadcast(S, a[a1 + p]).fma(b0, c1);
                c2 = FloatVector.broadcast(S, a[a2 + p]).fma(b0, c2);
                c3 = FloatVector.broadcast(S, a[a3 + p]).fma(b0, c3);
                c4 = FloatVector.broadcast(S, a[a4 + p]).fma(b0, c4);
                c5 = FloatVector.broadcast(S, a[a5 + p]).fma(b0, c5);
                c6 = FloatVector.broadcast(S, a[a6 + p]).fma(b0, c6);
                c7 = FloatVector.broadcast(S, a[a7 + p]).fma(b0, c7);
            }
            c0.intoArray(c, ci);
            c1.intoArray(c, ci + cols);
            c2.intoArray(c, ci + 2 * cols);
            c3.intoArray(c, ci + 3 * cols);
            c4.intoArray(c, ci + 4 * cols);
            c5.intoArray(c, ci + 5 * cols);
            c6.intoArray(c, ci + 6 * cols);
            c7.intoArray(c, ci + 7 * cols);
            if (p1 == reduction) {
                finish(r, j, 8, 1);
            }
        }

        /** The 8 x 1 tile where A is in slivers: a(r + i, p) = a[a_0 + i + p * SLIVER]. */
        private void tile8x1Slivers(float[] a, float[] b, int bStart, int r, int j, int p0, int p1) {
            int ci = r * cols + j;
            boolean resume = p0 > 0;
            FloatVector c0 = start(resume, ci), c1 = start(resume, ci + cols);
            FloatVector c2 = start(resume, ci + 2 * cols), c3 = start(resume, ci + 3 * cols);
            FloatVector c4 = start(resume, ci + 4 * cols), c5 = start(resume, ci + 5 * cols);
            FloatVector c6 = start(resume, ci + 6 * cols), c7 = start(resume, ci + 7 * cols);
            int a0 = aStart(r);
            for (int p = p0; p < p1; p++) {
                FloatVector b0 = FloatVector.fromArray(S, b, bStart + p * PANEL);
                int ai = a0 + p * SLIVER;
                c0 = FloatVector.broadcast(S, a[ai]).fma(b0, c0);
                c1 = FloatVector.broadcast(S, a[ai + 1]).fma(b0, c1);
                c2 = FloatVector.broadcast(S, a[ai + 2]).fma(b0, c2);
                c3 = FloatVector.broadcast(S, a[ai + 3]).fma(b0, c3);
                c4 = FloatVector.broadcast(S, a[ai + 4]).fma(b0, c4);
                c5 = FloatVector.broadcast(S, a[ai + 5]).fma(b0, c5);
                c6 = FloatVector.broadcast(S, a[ai + 6]).fma(b0, c6);
                c7 = FloatVector.broadcast(S, a[ai + 7]).fma(b0, c7);
            }
            c0.intoArray(c, ci);
            c1.intoArray(c, ci + cols);
            c2.intoArray(c, ci + 2 * cols);
            c3.intoArray(c, ci + 3 * cols);
            c4.intoArray(c, ci + 4 * cols);
            c5.intoArray(c, ci + 5 * cols);
            c6.intoArray(c, ci + 6 * cols);
            c7.intoArray(c, ci + 7 * cols);
            if (p1 == reduction) {
                finish(r, j, 8, 1);
            }
        }

        private void tile1x1(float[] a, float[] b, int stride, int offset, int r, int j, int q0, int q1) {
            FloatVector c0 = start(q0 > 0, r * cols + j);
            int ai = aStart(r) + q0 * tileStep;
            int bi = offset + q0 * stride;
            for (int p = q0; p < q1; p++, ai += tileStep, bi += stride) {
                c0 = FloatVector.broadcast(S, a[ai]).fma(FloatVector.fromArray(S, b, bi), c0);
            }
            c0.intoArray(c, r * cols + j);
            if (q1 == reduction) {
                finish(r, j, 1, 1);
            }
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
