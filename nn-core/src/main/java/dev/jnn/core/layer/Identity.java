package dev.jnn.core.layer;

/**
 * The identity, for "no activation".
 * <pre>
 *   forward:  y = x
 *   backward: dx = dy
 * </pre>
 */
public final class Identity extends ElementwiseActivation {
    @Override
    public String type() {
        return "identity";
    }

    @Override
    protected void apply(float[] x, float[] y, int n) {
        System.arraycopy(x, 0, y, 0, n);
    }

    @Override
    protected void derivative(float[] x, float[] y, float[] dy, float[] dx, int n) {
        System.arraycopy(dy, 0, dx, 0, n);
    }
}
