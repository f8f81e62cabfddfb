package dev.jnn.core.layer;

/**
 * The logistic function.
 * <pre>
 *   forward:  y = 1 / (1 + e^-x)
 *   backward: dx = dy * y * (1 - y)
 * </pre>
 * Its slope is at most 1/4, so every sigmoid layer shrinks the gradient at least four-fold: the
 * classic cause of vanishing gradients in deep nets.
 */
public final class Sigmoid extends ElementwiseActivation {
    @Override
    public String type() {
        return "sigmoid";
    }

    @Override
    protected void apply(float[] x, float[] y, int n) {
        kernels.sigmoid(x, y, n);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        kernels.sigmoidBackward(y, dy, dx, n);
    }
}
