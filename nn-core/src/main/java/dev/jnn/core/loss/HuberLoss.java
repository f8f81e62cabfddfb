package dev.jnn.core.loss;

import dev.jnn.api.Loss;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;

/**
 * The Huber loss, as {@code torch.nn.HuberLoss}: squared for small errors, linear for large ones, so
 * that outliers pull less than in mean squared error.
 * <pre>
 *   forward:  L = (1/N) sum l(d),   d = p - y,   l(d) = 0.5 d²            if |d| ≤ delta
 *                                               l(d) = delta (|d| - 0.5 delta)   otherwise
 *   backward: dL/dp = d / N if |d| ≤ delta, else delta sign(d) / N             N = batch * outputs
 * </pre>
 */
public final class HuberLoss implements Loss {
    private final double delta;
    private Tensor gradient;
    private final Workspace gradientBuffers = new Workspace();

    /** @param delta where the loss turns from squared to linear; PyTorch's default is 1 */
    public HuberLoss(double delta) {
        if (!(delta > 0) || !Float.isFinite((float) delta)) {
            throw new IllegalArgumentException("huber: delta must be a finite number greater than 0, got " + delta);
        }
        this.delta = delta;
    }

    @Override
    public String type() {
        return "huber";
    }

    @Override
    public float forward(Tensor p, Tensor y) {
        Regression.checkShapes(type(), p, y);
        gradient = gradientBuffers.get(p.rows(), p.columns());
        float[] pd = p.data();
        float[] yd = y.data();
        float[] g = gradient.data();
        int n = pd.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double d = (double) pd[i] - yd[i];
            double a = Math.abs(d);
            sum += a <= delta ? 0.5 * d * d : delta * (a - 0.5 * delta);
            g[i] = (float) ((a <= delta ? d : delta * Math.signum(d)) / n);
        }
        return (float) (sum / n);
    }

    @Override
    public Tensor backward() {
        return gradient;
    }

    @Override
    public void checkTargets(Tensor targets, int outputs) {
        Regression.checkTargets(type(), targets, outputs);
    }
}
