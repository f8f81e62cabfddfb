package dev.jnn.core.layer;

/**
 * The rectified linear unit.
 * <pre>
 *   forward:  y = max(0, x)
 *   backward: dx = dy * (y &gt; 0)          (0 at x = 0, as in PyTorch)
 * </pre>
 * Half its inputs come out zero, which halves the variance each layer passes on: He initialization
 * makes up for it.
 */
public final class Relu extends ElementwiseActivation {
    @Override
    public String type() {
        return "relu";
    }

    @Override
    protected void apply(float[] x, float[] y, int n) {
        kernels.relu(x, y, n);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        kernels.reluBackward(y, dy, dx, n);
    }
}
