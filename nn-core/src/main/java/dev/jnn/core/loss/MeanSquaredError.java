package dev.jnn.core.loss;

/**
 * Mean squared error over every value, as {@code torch.nn.MSELoss}.
 * <pre>
 *   forward:  L = (1/N) sum (p - y)^2          N = batch * outputs
 *   backward: dL/dp = 2 (p - y) / N
 * </pre>
 */
public final class MeanSquaredError extends RegressionLoss {

    @Override
    public String type() {
        return "mse";
    }

    @Override
    protected double term(float d) {
        return (double) d * d;
    }

    @Override
    protected float slope(float d, int n) {
        return 2f / n * d;
    }
}
