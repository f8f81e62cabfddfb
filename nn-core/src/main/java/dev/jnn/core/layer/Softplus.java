package dev.jnn.core.layer;

import java.util.Map;

/**
 * A smooth ReLU, as {@code torch.nn.Softplus}.
 * <pre>
 *   forward:  y = log(1 + e^(βx)) / β,   or x where βx &gt; threshold (where the two agree in float)
 *   backward: dx = dy ⊙ sigmoid(βx),     or dy where βx &gt; threshold
 * </pre>
 */
public final class Softplus extends ElementwiseActivation {
    private final double beta;
    private final double threshold;

    /** @param beta the sharpness (PyTorch's default 1); @param threshold above which it is linear (20) */
    public Softplus(double beta, double threshold) {
        if (!(beta > 0) || !Float.isFinite((float) beta)) {
            throw new IllegalArgumentException("softplus: beta must be a finite number greater than 0, got " + beta);
        }
        if (!Float.isFinite((float) threshold)) {
            throw new IllegalArgumentException("softplus: threshold must be a finite number, got " + threshold);
        }
        this.beta = beta;
        this.threshold = threshold;
    }

    @Override
    public String type() {
        return "softplus";
    }

    @Override
    protected void apply(float[] x, float[] y, int n) {
        kernels.softplus(x, y, n, (float) beta, (float) threshold);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        kernels.softplusBackward(x, dy, dx, n, (float) beta, (float) threshold);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("beta", beta, "threshold", threshold);
    }

    @Override
    public String toString() {
        return "softplus(" + beta + ", " + threshold + ")";
    }
}
