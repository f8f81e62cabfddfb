package dev.jnn.core.loss;

/**
 * The mean absolute error, as {@code torch.nn.L1Loss}.
 * <pre>
 *   forward:  L = (1/N) sum |p - y|                 N = batch * outputs
 *   backward: dL/dp = sign(p - y) / N               (0 where p = y, as PyTorch's sign)
 * </pre>
 */
public final class L1Loss extends RegressionLoss {

    @Override
    public String type() {
        return "l1";
    }

    @Override
    protected double term(float d) {
        return Math.abs((double) d);
    }

    @Override
    protected float slope(float d, int n) {
        return Math.signum(d) / n;
    }
}
