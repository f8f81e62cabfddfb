package dev.jnn.optim;

import java.util.List;

/**
 * Adagrad (Duchi et al., 2011), as {@code torch.optim.Adagrad} without learning-rate decay: each
 * weight's step shrinks with the sum of its squared gradients so far.
 *
 * <pre>
 *   g = g + weight_decay * p
 *   s = s + g^2                         (s starts at initial_accumulator_value)
 *   p = p - lr * g / (sqrt(s) + eps)
 * </pre>
 */
public final class Adagrad extends StatefulOptimizer {
    private final float eps;
    private final float weightDecay;
    private final float initialAccumulator;

    /** @throws IllegalArgumentException for lr &lt;= 0 or a negative eps, weight decay or initial accumulator */
    public Adagrad(double lr, double eps, double weightDecay, double initialAccumulator) {
        super("adagrad", List.of("sum"));
        Check.positive("adagrad", "lr", lr);
        Check.nonNegative("adagrad", "eps", eps);
        Check.nonNegative("adagrad", "weight_decay", weightDecay);
        Check.nonNegative("adagrad", "initial_accumulator_value", initialAccumulator);
        this.lr = (float) lr;
        this.eps = (float) eps;
        this.weightDecay = (float) weightDecay;
        this.initialAccumulator = (float) initialAccumulator;
    }

    @Override
    protected float initialValue(int index) {
        return initialAccumulator;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] state, long t, boolean decayApplies, int from, int to) {
        float decay = decayApplies ? weightDecay : 0f;
        float[] s = state[0];
        for (int i = from; i < to; i++) {
            float gi = g[i] + decay * w[i];
            s[i] += gi * gi;
            w[i] -= lr * gi / ((float) Math.sqrt(s[i]) + eps);
        }
    }

    @Override
    public String toString() {
        return "adagrad(lr=" + lr + ", eps=" + eps + ", weight_decay=" + weightDecay + ", initial_accumulator_value="
                + initialAccumulator + ")";
    }
}
