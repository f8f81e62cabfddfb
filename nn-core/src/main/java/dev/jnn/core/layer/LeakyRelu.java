package dev.jnn.core.layer;

/**
 * ReLU with a small slope below zero, so no unit's gradient is ever exactly zero.
 * <pre>
 *   forward:  y = x &gt; 0 ? x : slope * x
 *   backward: dx = dy * (x &gt; 0 ? 1 : slope)
 * </pre>
 */
public final class LeakyRelu extends ElementwiseActivation {
    private final float slope;
    private final double setting;                 // as given, for settings(): 0.2, not 0.20000000298023224

    /** @param slope below zero; PyTorch's and this provider's default is 0.01 */
    public LeakyRelu(double slope) {
        if (!(slope >= 0) || !Double.isFinite(slope)) {
            throw new IllegalArgumentException("leaky_relu: negative_slope must be a finite number of at least 0, got " + slope);
        }
        this.slope = (float) slope;
        this.setting = slope;
    }

    @Override
    public String type() {
        return "leaky_relu";
    }

    @Override
    protected void apply(float[] x, float[] y, int n) {
        kernels.leakyRelu(x, y, n, slope);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        kernels.leakyReluBackward(x, dy, dx, n, slope);
    }

    @Override
    public java.util.Map<String, Object> settings() {
        return java.util.Map.of("negative_slope", setting);
    }

    @Override
    public String toString() {
        return "leaky_relu(" + slope + ")";
    }
}
