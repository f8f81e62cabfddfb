package dev.jnn.core.kernel;

import dev.jnn.api.Kernels;

/**
 * Plain Java loops: correct everywhere, the reference for the fast kernels, and the fallback when the
 * Vector API is not available. The products run in i-k-j order so that the inner loop walks both
 * {@code B} and {@code C} along a row, which the JIT can vectorize.
 *
 * <p>Where the JVM has fast fused multiply-add ({@code -XX:+UseFMA}, the default on CPUs with it),
 * every product element is the same chain of {@link Math#fma} in reduction order that the Vector API
 * kernels compute, so the two kernel paths give the same bits. Without it, {@code Math.fma} would be
 * emulated (hundreds of times slower), and the loops multiply and add, rounding twice.
 */
public class ScalarKernels implements Kernels {
    private final boolean fma;

    /** Fused multiply-add exactly when the JVM executes it as one instruction. */
    public ScalarKernels() {
        this(KernelChoice.fastFma());
    }

    /** @param fma whether products use {@link Math#fma} (the Vector API kernels' rounding) or a multiply and an add */
    ScalarKernels(boolean fma) {
        this.fma = fma;
    }

    @Override
    public String name() {
        return fma ? "scalar" : "scalar (no fused multiply-add)";
    }

    @Override
    public void matmul(float[] a, float[] b, float[] c, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int cRow = i * n;
            java.util.Arrays.fill(c, cRow, cRow + n, 0f);
            for (int p = 0; p < k; p++) {
                axpy(a[i * k + p], b, p * n, c, cRow, n);
            }
        }
    }

    @Override
    public void matmulBias(float[] a, float[] b, float[] bias, float[] c, int m, int k, int n, boolean relu) {
        matmul(a, b, c, m, k, n);
        addRowVector(c, bias, m, n);
        if (relu) {
            relu(c, c, m * n);
        }
    }

    @Override
    public void matmulTransA(float[] a, float[] b, float[] c, int m, int k, int n) {
        java.util.Arrays.fill(c, 0, k * n, 0f);
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                axpy(a[i * k + p], b, i * n, c, p * n, n);
            }
        }
    }

    @Override
    public void matmulTransB(float[] a, float[] b, float[] c, int m, int n, int k) {
        for (int i = 0; i < m; i++) {
            for (int p = 0; p < k; p++) {
                c[i * k + p] = dot(a, i * n, b, p * n, n);
            }
        }
    }

    /** {@code y[yFrom + j] += alpha * x[xFrom + j]} for j below n: one loop per rounding, so each vectorizes. */
    private void axpy(float alpha, float[] x, int xFrom, float[] y, int yFrom, int n) {
        if (fma) {
            for (int j = 0; j < n; j++) {
                y[yFrom + j] = Math.fma(alpha, x[xFrom + j], y[yFrom + j]);
            }
        } else {
            for (int j = 0; j < n; j++) {
                y[yFrom + j] += alpha * x[xFrom + j];
            }
        }
    }

    /** The sum of {@code x[xFrom + j] * y[yFrom + j]} for j below n, in j order. */
    private float dot(float[] x, int xFrom, float[] y, int yFrom, int n) {
        float sum = 0f;
        if (fma) {
            for (int j = 0; j < n; j++) {
                sum = Math.fma(x[xFrom + j], y[yFrom + j], sum);
            }
        } else {
            for (int j = 0; j < n; j++) {
                sum += x[xFrom + j] * y[yFrom + j];
            }
        }
        return sum;
    }

    @Override
    public void addRowVector(float[] c, float[] bias, int m, int n) {
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                c[row + j] += bias[j];
            }
        }
    }

    @Override
    public void sumRows(float[] a, float[] out, int m, int n) {
        java.util.Arrays.fill(out, 0, n, 0f);
        for (int i = 0; i < m; i++) {
            int row = i * n;
            for (int j = 0; j < n; j++) {
                out[j] += a[row + j];
            }
        }
    }

    @Override
    public void relu(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = Math.max(0f, x[i]);
        }
    }

    @Override
    public void reluBackward(float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = y[i] > 0f ? dy[i] : 0f;
        }
    }

    @Override
    public void leakyRelu(float[] x, float[] y, int n, float slope) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i] > 0f ? x[i] : slope * x[i];
        }
    }

    @Override
    public void leakyReluBackward(float[] x, float[] dy, float[] dx, int n, float slope) {
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] > 0f ? dy[i] : slope * dy[i];
        }
    }

    @Override
    public void sigmoid(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) (1.0 / (1.0 + Math.exp(-x[i])));
        }
    }

    @Override
    public void sigmoidBackward(float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * y[i] * (1f - y[i]);
        }
    }

    @Override
    public void tanh(float[] x, float[] y, int n) {
        for (int i = 0; i < n; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
    }

    @Override
    public void tanhBackward(float[] y, float[] dy, float[] dx, int n) {
        for (int i = 0; i < n; i++) {
            dx[i] = dy[i] * (1f - y[i] * y[i]);
        }
    }

    @Override
    public void elu(float[] x, float[] y, int n, float alpha) {
        for (int i = 0; i < n; i++) {
            y[i] = x[i] > 0f ? x[i] : (float) (alpha * Math.expm1(x[i]));
        }
    }

    @Override
    public void eluBackward(float[] x, float[] y, float[] dy, float[] dx, int n, float alpha) {
        for (int i = 0; i < n; i++) {
            dx[i] = x[i] > 0f ? dy[i] : dy[i] * (y[i] + alpha);
        }
    }

    private static final double SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
    private static final double INV_SQRT_2 = 1 / Math.sqrt(2);
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    @Override
    public void gelu(float[] x, float[] y, int n, boolean tanh) {
        for (int i = 0; i < n; i++) {
            double v = x[i];
            y[i] = (float) (tanh ? 0.5 * v * (1 + Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v)))
                    : 0.5 * v * (1 + Erf.erf(v * INV_SQRT_2)));
        }
    }

    @Override
    public void geluBackward(float[] x, float[] dy, float[] dx, int n, boolean tanh) {
        for (int i = 0; i < n; i++) {
            double v = x[i];
            double slope;
            if (tanh) {
                double t = Math.tanh(SQRT_2_OVER_PI * (v + 0.044715 * v * v * v));
                slope = 0.5 * (1 + t) + 0.5 * v * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * 0.044715 * v * v);
            } else {
                slope = 0.5 * (1 + Erf.erf(v * INV_SQRT_2)) + v * INV_SQRT_2PI * Math.exp(-0.5 * v * v);
            }
            dx[i] = (float) (dy[i] * slope);
        }
    }

    @Override
    public void softplus(float[] x, float[] y, int n, float beta, float threshold) {
        for (int i = 0; i < n; i++) {
            double bx = (double) beta * x[i];
            y[i] = bx > threshold ? x[i] : (float) (Math.log1p(Math.exp(bx)) / beta);
        }
    }

    @Override
    public void softplusBackward(float[] x, float[] dy, float[] dx, int n, float beta, float threshold) {
        for (int i = 0; i < n; i++) {
            double bx = (double) beta * x[i];
            dx[i] = bx > threshold ? dy[i] : (float) (dy[i] / (1 + Math.exp(-bx)));
        }
    }
}
