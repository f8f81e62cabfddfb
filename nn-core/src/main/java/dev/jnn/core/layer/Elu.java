package dev.jnn.core.layer;

import java.util.Map;

/**
 * The exponential linear unit, as {@code torch.nn.ELU}.
 * <pre>
 *   forward:  y = x &gt; 0 ? x : alpha (e^x - 1)
 *   backward: dx = dy ⊙ (x &gt; 0 ? 1 : y + alpha)          (alpha e^x, taken from the output)
 * </pre>
 * Negative outputs push the mean activation toward zero, which speeds learning as batch
 * normalization does.
 */
public final class Elu extends ElementwiseActivation {
    private final double alpha;

    /** @param alpha the value approached for large negative inputs; PyTorch's default is 1 */
    public Elu(double alpha) {
        if (!(alpha >= 0) || !Float.isFinite((float) alpha)) {
            throw new IllegalArgumentException("elu: alpha must be a finite number of at least 0, got " + alpha);
        }
        this.alpha = alpha;
    }

    @Override
    public String type() {
        return "elu";
    }

    @Override
    protected void apply(float[] x, float[] y, int n) {
        kernels.elu(x, y, n, (float) alpha);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        kernels.eluBackward(x, y, dy, dx, n, (float) alpha);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("alpha", alpha);
    }

    @Override
    public String toString() {
        return "elu(" + alpha + ")";
    }
}
