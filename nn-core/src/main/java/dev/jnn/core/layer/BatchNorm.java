package dev.jnn.core.layer;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Layer;
import dev.jnn.api.Parameter;
import dev.jnn.api.Scratch;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Batch normalization of {@code [batch, features]} inputs, as {@code torch.nn.BatchNorm1d}: each
 * feature scaled to mean 0 and variance 1 over the batch, then by a learned scale and shift.
 * <pre>
 *   forward (training):  μ = mean over the batch of x,  σ² = mean of (x - μ)²  (biased)
 *                        x̂ = (x - μ) / √(σ² + eps),     y = γ x̂ + β
 *                        running_mean = (1 - m) running_mean + m μ
 *                        running_var  = (1 - m) running_var  + m σ² B/(B-1)          (unbiased)
 *   forward (evaluation): y = γ (x - running_mean) / √(running_var + eps) + β
 *   backward:            dβ = Σ dy,   dγ = Σ dy ⊙ x̂
 *                        dx = γ / (B √(σ² + eps)) ⊙ (B dy - Σ dy - x̂ Σ (dy ⊙ x̂))
 * </pre>
 * The running statistics are buffers: saved with the model, never trained. With normalized inputs at
 * every layer, a deep network's gradients keep their scale whatever the initialization.
 */
public final class BatchNorm implements Layer {
    private final double momentum;
    private final double eps;
    private final boolean affine;
    private int features;
    private int[] shape;
    private Parameter gamma;
    private Parameter beta;
    private Parameter runningMean;
    private Parameter runningVar;

    // What a training forward caches for backward.
    private Tensor normalized;
    private double[] inverseStd;
    private final Workspace normalizedBuffers = new Workspace();
    private final Workspace outputBuffers = new Workspace();
    private final Workspace gradInputBuffers = new Workspace();

    /**
     * @param momentum the running statistics' update weight (PyTorch's default 0.1)
     * @param eps      added to the variance (1e-5)
     * @param affine   learn a scale γ and shift β (true)
     */
    public BatchNorm(double momentum, double eps, boolean affine) {
        if (!(momentum >= 0 && momentum <= 1)) {
            throw new IllegalArgumentException("batch_norm: momentum must be in [0, 1], got " + momentum);
        }
        if (!(eps > 0) || !Double.isFinite(eps)) {
            throw new IllegalArgumentException("batch_norm: eps must be a finite number greater than 0, got " + eps);
        }
        this.momentum = momentum;
        this.eps = eps;
        this.affine = affine;
    }

    @Override
    public String type() {
        return "batch_norm";
    }

    @Override
    public void build(int[] inputShape, BuildContext context) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException("batch_norm expects one-dimensional samples [features], got " + Arrays.toString(inputShape));
        }
        features = inputShape[0];
        shape = inputShape.clone();
        gamma = context.parameter("weight", features);
        gamma.value().fill(1f);
        beta = context.parameter("bias", features);
        runningMean = context.parameter("running_mean", features);
        runningVar = context.parameter("running_var", features);
        runningVar.value().fill(1f);
        inverseStd = new double[features];
    }

    @Override
    public int[] outputShape() {
        Shapes.checkBuilt(type(), shape);
        return shape.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Shapes.checkBuilt(type(), shape);
        Shapes.checkBatch(type(), x, shape);
        Tensor y = outputBuffers.get(x.rows(), shape);
        if (!training) {
            evaluate(x, y);
            return y;
        }
        int b = x.rows();
        if (b < 2) {
            throw new IllegalArgumentException("batch_norm: training needs at least 2 samples per batch to measure a variance, got 1;"
                    + " use a larger batch (or train.batch that does not leave a last batch of 1)");
        }
        normalized = normalizedBuffers.get(b, shape);
        float[] xd = x.data();
        float[] xh = normalized.data();
        float[] yd = y.data();
        float[] g = gamma.value().data();
        float[] bt = beta.value().data();
        float[] rm = runningMean.value().data();
        float[] rv = runningVar.value().data();
        for (int f = 0; f < features; f++) {
            double mean = 0;
            for (int r = 0; r < b; r++) {
                mean += xd[r * features + f];
            }
            mean /= b;
            double var = 0;
            for (int r = 0; r < b; r++) {
                double d = xd[r * features + f] - mean;
                var += d * d;
            }
            var /= b;
            double inv = 1 / Math.sqrt(var + eps);
            inverseStd[f] = inv;
            for (int r = 0; r < b; r++) {
                int i = r * features + f;
                xh[i] = (float) ((xd[i] - mean) * inv);
                yd[i] = affine ? g[f] * xh[i] + bt[f] : xh[i];
            }
            rm[f] = (float) ((1 - momentum) * rm[f] + momentum * mean);
            rv[f] = (float) ((1 - momentum) * rv[f] + momentum * var * b / (b - 1));
        }
        return y;
    }

    @Override
    public Tensor infer(Tensor x, Scratch scratch) {
        Shapes.checkBuilt(type(), shape);
        Shapes.checkBatch(type(), x, shape);
        Tensor y = scratch.buffer(0, x.rows(), shape);
        evaluate(x, y);
        return y;
    }

    /** y = γ (x - running_mean) / √(running_var + eps) + β. */
    private void evaluate(Tensor x, Tensor y) {
        float[] xd = x.data();
        float[] yd = y.data();
        float[] g = gamma.value().data();
        float[] bt = beta.value().data();
        float[] rm = runningMean.value().data();
        float[] rv = runningVar.value().data();
        for (int f = 0; f < features; f++) {
            double inv = 1 / Math.sqrt(rv[f] + eps);
            for (int r = 0; r < x.rows(); r++) {
                int i = r * features + f;
                double xh = (xd[i] - rm[f]) * inv;
                yd[i] = (float) (affine ? g[f] * xh + bt[f] : xh);
            }
        }
    }

    @Override
    public Tensor backward(Tensor dy) {
        Shapes.checkBackward(type(), normalized, dy, shape);
        int b = dy.rows();
        Tensor dx = gradInputBuffers.get(b, shape);
        float[] g = dy.data();
        float[] xh = normalized.data();
        float[] d = dx.data();
        float[] gm = gamma.value().data();
        float[] dGamma = gamma.gradient().data();
        float[] dBeta = beta.gradient().data();
        for (int f = 0; f < features; f++) {
            double sum = 0;
            double dot = 0;
            for (int r = 0; r < b; r++) {
                int i = r * features + f;
                sum += g[i];
                dot += (double) g[i] * xh[i];
            }
            dBeta[f] = affine ? (float) sum : 0f;
            dGamma[f] = affine ? (float) dot : 0f;
            double scale = (affine ? gm[f] : 1) * inverseStd[f] / b;
            for (int r = 0; r < b; r++) {
                int i = r * features + f;
                d[i] = (float) (scale * (b * (double) g[i] - sum - xh[i] * dot));
            }
        }
        return dx;
    }

    @Override
    public List<Parameter> parameters() {
        List<Parameter> list = new ArrayList<>();
        if (affine && gamma != null) {
            list.add(gamma);
            list.add(beta);
        }
        return list;
    }

    @Override
    public List<Parameter> buffers() {
        return runningMean == null ? List.of() : List.of(runningMean, runningVar);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("momentum", momentum, "eps", eps, "affine", affine);
    }

    @Override
    public String toString() {
        return "batch_norm";
    }
}
