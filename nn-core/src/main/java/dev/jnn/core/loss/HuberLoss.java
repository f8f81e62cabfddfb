package dev.jnn.core.loss;

/**
 * The Huber loss, as {@code torch.nn.HuberLoss}: squared for small errors, linear for large ones, so
 * that outliers pull less than in mean squared error.
 * <pre>
 *   forward:  L = (1/N) sum l(d),   d = p - y,   l(d) = 0.5 d²            if |d| ≤ delta
 *                                               l(d) = delta (|d| - 0.5 delta)   otherwise
 *   backward: dL/dp = d / N if |d| ≤ delta, else delta sign(d) / N             N = batch * outputs
 * </pre>
 */
public final class HuberLoss extends RegressionLoss {
    private final double delta;

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
    protected double term(float d) {
        double a = Math.abs((double) d);
        return a <= delta ? 0.5 * a * a : delta * (a - 0.5 * delta);
    }

    @Override
    protected float slope(float d, int n) {
        return (float) ((Math.abs(d) <= delta ? d : delta * Math.signum(d)) / n);
    }
}
