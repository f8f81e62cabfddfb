package dev.jnn.optim;

import java.util.List;

/**
 * Stochastic gradient descent, optionally with momentum (classic or Nesterov), as {@code torch.optim.SGD}.
 *
 * <pre>
 *   g = g + weight_decay * p
 *   if momentum != 0:
 *       b = g                                    on a parameter's first step
 *       b = momentum * b + (1 - dampening) * g   after
 *       g = g + momentum * b   if nesterov,   else   g = b
 *   p = p - lr * g
 * </pre>
 *
 * <p>The momentum buffer starts at the first gradient, and lr stays outside it (Keras puts lr
 * inside; the two agree only while lr is constant). Nesterov needs momentum &gt; 0 and no dampening,
 * as in PyTorch. The provider's lr default is 0.01 (Keras's), not PyTorch's 0.001, which barely
 * moves plain SGD on small problems.
 */
public final class Sgd extends StatefulOptimizer {
    private final float momentum;
    private final float dampening;
    private final float weightDecay;
    private final boolean nesterov;

    /**
     * @throws IllegalArgumentException for lr &lt;= 0, a negative momentum, dampening or weight decay, or
     *                                  Nesterov without momentum or with dampening
     */
    public Sgd(double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        super(nesterov ? "nesterov" : momentum > 0 ? "momentum" : "sgd",
                momentum > 0 ? List.of("momentum_buffer") : List.of());
        Check.positive("sgd", "lr", lr);
        Check.nonNegative("sgd", "momentum", momentum);
        Check.nonNegative("sgd", "dampening", dampening);
        Check.nonNegative("sgd", "weight_decay", weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw new dev.jnn.api.spi.InvalidSettingException("sgd", "nesterov", "needs momentum > 0 and dampening = 0, got momentum "
                    + momentum + " and dampening " + dampening);
        }
        this.lr = (float) lr;
        this.momentum = (float) momentum;
        this.dampening = (float) dampening;
        this.weightDecay = (float) weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] state, long t, boolean decayApplies, int from, int to) {
        float decay = decayApplies ? weightDecay : 0f;
        if (momentum == 0f) {
            for (int i = from; i < to; i++) {
                w[i] -= lr * (g[i] + decay * w[i]);
            }
            return;
        }
        float[] b = state[0];
        // b = keep * b + take * g is b = g on the first step (keep 0, take 1) and the momentum rule after.
        float keep = t == 1 ? 0f : momentum;
        float take = t == 1 ? 1f : 1f - dampening;
        // One loop per variant, without branches inside, so that the JIT can vectorize each.
        if (nesterov) {
            for (int i = from; i < to; i++) {
                float gi = g[i] + decay * w[i];
                float bi = keep * b[i] + take * gi;
                b[i] = bi;
                w[i] -= lr * (gi + momentum * bi);
            }
        } else {
            for (int i = from; i < to; i++) {
                float gi = g[i] + decay * w[i];
                float bi = keep * b[i] + take * gi;
                b[i] = bi;
                w[i] -= lr * bi;
            }
        }
    }

    @Override
    public String toString() {
        return type() + "(lr=" + lr + ", momentum=" + momentum + ", dampening=" + dampening + ", weight_decay="
                + weightDecay + ", nesterov=" + nesterov + ")";
    }
}
