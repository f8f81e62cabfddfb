package dev.jnn.api;

/**
 * The hot loops of training, for the built-in layers and for custom ones: a layer gets its kernels
 * from {@link BuildContext#kernels()} when it is built, so that every model computes with the kernels
 * of the engine that built it. All arrays are row-major; sizes are given explicitly so that callers can
 * pass buffers larger than the current batch. Every method overwrites its output unless it says it adds.
 *
 * <p>Implementations must give the same result whatever the thread count (a fixed split of the
 * output, never a racing sum), so that training is reproducible bit for bit, and must be safe to call
 * from several threads at once on disjoint outputs (many threads answering {@code predict}).
 */
public interface Kernels {

    /** A short name for logs and benchmarks, such as {@code "scalar"}. */
    String name();

    /** One part of some work split over the kernels' threads: {@code part} of {@code parts}. */
    interface Part {
        void run(int part, int parts);
    }

    /** The threads {@link #inParts} runs on at once: the caller's and the kernels' helpers. */
    default int threads() {
        return 1;
    }

    /**
     * Runs parts {@code 0..parts-1} of {@code work}, at once on the kernels' threads where there are
     * several, and returns when all are done: for work beside the products that splits into parts
     * writing disjoint data, such as an optimizer's update of a large parameter.
     */
    default void inParts(int parts, Part work) {
        for (int part = 0; part < parts; part++) {
            work.run(part, parts);
        }
    }

    /** {@code C[m x n] = A[m x k] * B[k x n]}: a layer's forward product {@code X W}. */
    void matmul(float[] a, float[] b, float[] c, int m, int k, int n);

    /**
     * {@code C[m x n] = A[m x k] * B[k x n] + bias}, then {@code max(0, C)} when {@code relu}: a dense
     * layer's forward, bias and ReLU applied as each tile is stored rather than in passes of their own.
     * The same numbers as {@link #matmul}, {@link #addRowVector} and {@link #relu} one after another.
     */
    void matmulBias(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n, boolean relu);

    /** {@code C[k x n] = A[m x k]^T * B[m x n]}: the weight gradient {@code X^T dY}. */
    void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n);

    /** {@code C[m x k] = A[m x n] * B[k x n]^T}: the input gradient {@code dY W^T}. */
    void matmulTransB(float[] a, float[] b, float[] c, int m, int n, int k);

    /** Adds {@code bias[n]} to every row of {@code c[m x n]}. */
    void addRowVector(float[] c, float[] bias, int m, int n);

    /** {@code out[j] = sum over i of a[i][j]}, for {@code a[m x n]}: the bias gradient. */
    void sumRows(float[] a, float[] out, int m, int n);

    /** {@code y = max(0, x)}. */
    void relu(float[] x, float[] y, int n);

    /** {@code dx = dy * (y > 0)}, from ReLU's output y. */
    void reluBackward(float[] y, float[] dy, float[] dx, int n);

    /** {@code y = x > 0 ? x : slope * x}. */
    void leakyRelu(float[] x, float[] y, int n, float slope);

    /** {@code dx = dy * (x > 0 ? 1 : slope)}, from the input x. */
    void leakyReluBackward(float[] x, float[] dy, float[] dx, int n, float slope);

    /** {@code y = 1 / (1 + e^-x)}. */
    void sigmoid(float[] x, float[] y, int n);

    /** {@code dx = dy * y * (1 - y)}, from the output y. */
    void sigmoidBackward(float[] y, float[] dy, float[] dx, int n);

    /** {@code y = tanh(x)}. */
    void tanh(float[] x, float[] y, int n);

    /** {@code dx = dy * (1 - y^2)}, from the output y. */
    void tanhBackward(float[] y, float[] dy, float[] dx, int n);

    /** {@code y = x > 0 ? x : alpha (e^x - 1)}. */
    void elu(float[] x, float[] y, int n, float alpha);

    /** {@code dx = dy * (x > 0 ? 1 : y + alpha)}, from the input x and output y. */
    void eluBackward(float[] x, float[] y, float[] dy, float[] dx, int n, float alpha);

    /** {@code y = x Φ(x)}, Φ the standard normal CDF; with {@code tanh}, {@code 0.5 x (1 + tanh(√(2/π)(x + 0.044715 x³)))}. */
    void gelu(float[] x, float[] y, int n, boolean tanh);

    /** {@code dx = dy * (Φ(x) + x φ(x))}, or the derivative of the tanh form, from the input x. */
    void geluBackward(float[] x, float[] dy, float[] dx, int n, boolean tanh);

    /** {@code y = log(1 + e^(βx)) / β}, or {@code x} where {@code βx > threshold}. */
    void softplus(float[] x, float[] y, int n, float beta, float threshold);

    /** {@code dx = dy * sigmoid(βx)}, or {@code dy} where {@code βx > threshold}, from the input x. */
    void softplusBackward(float[] x, float[] dy, float[] dx, int n, float beta, float threshold);
}
