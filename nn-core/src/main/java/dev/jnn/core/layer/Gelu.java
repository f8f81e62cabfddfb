package dev.jnn.core.layer;

import java.util.Map;

/**
 * The Gaussian error linear unit, as {@code torch.nn.GELU}: each input weighted by the probability
 * that a standard normal variable is below it.
 * <pre>
 *   forward:  y = x Φ(x)                                   Φ the standard normal CDF, via erf
 *             y = 0.5 x (1 + tanh(√(2/π) (x + 0.044715 x³)))        approximate = "tanh"
 *   backward: dx = dy ⊙ (Φ(x) + x φ(x))                    φ the standard normal density
 *             dx = dy ⊙ (0.5 (1 + t) + 0.5 x (1 - t²) √(2/π) (1 + 3·0.044715 x²))   t the tanh above
 * </pre>
 */
public final class Gelu extends ElementwiseActivation {
    private final boolean tanh;

    /** @param approximate {@code none} (the exact erf form, PyTorch's default) or {@code tanh} */
    public Gelu(String approximate) {
        if (!approximate.equals("none") && !approximate.equals("tanh")) {
            throw new IllegalArgumentException("gelu: approximate must be none or tanh, got '" + approximate + "'");
        }
        this.tanh = approximate.equals("tanh");
    }

    @Override
    public String type() {
        return "gelu";
    }

    @Override
    protected void apply(float[] x, float[] y, int n) {
        kernels.gelu(x, y, n, tanh);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        kernels.geluBackward(x, dy, dx, n, tanh);
    }

    @Override
    public Map<String, Object> settings() {
        return Map.of("approximate", tanh ? "tanh" : "none");
    }

    @Override
    public String toString() {
        return tanh ? "gelu(tanh)" : "gelu";
    }
}
