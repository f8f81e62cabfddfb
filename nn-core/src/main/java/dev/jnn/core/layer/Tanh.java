package dev.jnn.core.layer;

/**
 * The hyperbolic tangent.
 * <pre>
 *   forward:  y = tanh(x)
 *   backward: dx = dy * (1 - y^2)
 * </pre>
 */
public final class Tanh extends ElementwiseActivation {
    @Override
    public String type() {
        return "tanh";
    }

    @Override
    protected void apply(float[] x, float[] y, int n) {
        kernels.tanh(x, y, n);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        kernels.tanhBackward(y, dy, dx, n);
    }
}
