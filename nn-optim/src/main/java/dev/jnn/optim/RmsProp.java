package dev.jnn.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * RMSprop, as {@code torch.optim.RMSprop}: each weight's step is divided by a running root mean
 * square of its recent gradients (Hinton, Coursera lecture 6e, 2012).
 *
 * <pre>
 *   g = g + weight_decay * p
 *   v = alpha * v + (1 - alpha) * g^2
 *   if centered:  a = alpha * a + (1 - alpha) * g;   denom = sqrt(v - a^2) + eps
 *   else:         denom = sqrt(v) + eps                          (eps outside the root)
 *   if momentum > 0:  buf = momentum * buf + g / denom;   p = p - lr * buf
 *   else:             p = p - lr * g / denom
 * </pre>
 *
 * <p>Keras differs (rho 0.9, eps inside the root), as does Deeplearning4j (decay 0.95).
 */
public final class RmsProp extends StatefulOptimizer {
    private final float alpha;
    private final float eps;
    private final float weightDecay;
    private final float momentum;
    private final boolean centered;

    /** @throws IllegalArgumentException for lr &lt;= 0, alpha outside [0, 1), or a negative eps, weight decay or momentum */
    public RmsProp(double lr, double alpha, double eps, double weightDecay, double momentum, boolean centered) {
        super("rmsprop", bufferNames(momentum, centered));
        Check.positive("rmsprop", "lr", lr);
        Check.unitInterval("rmsprop", "alpha", alpha);
        Check.nonNegative("rmsprop", "eps", eps);
        Check.nonNegative("rmsprop", "weight_decay", weightDecay);
        Check.nonNegative("rmsprop", "momentum", momentum);
        this.lr = (float) lr;
        this.alpha = (float) alpha;
        this.eps = (float) eps;
        this.weightDecay = (float) weightDecay;
        this.momentum = (float) momentum;
        this.centered = centered;
    }

    private static List<String> bufferNames(double momentum, boolean centered) {
        List<String> names = new ArrayList<>(List.of("square_avg"));
        if (centered) {
            names.add("grad_avg");
        }
        if (momentum > 0) {
            names.add("momentum_buffer");
        }
        return names;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] state, long t, boolean decayApplies, int from, int to) {
        float decay = decayApplies ? weightDecay : 0f;
        float[] v = state[0];
        float oneMinusAlpha = 1f - alpha;
        if (!centered && momentum == 0f) {            // the common case, in a loop the JIT can vectorize
            for (int i = from; i < to; i++) {
                float gi = g[i] + decay * w[i];
                float vi = alpha * v[i] + oneMinusAlpha * gi * gi;
                v[i] = vi;
                w[i] -= lr * gi / ((float) Math.sqrt(vi) + eps);
            }
            return;
        }
        float[] a = centered ? state[1] : null;
        float[] buf = momentum > 0f ? state[state.length - 1] : null;
        for (int i = from; i < to; i++) {
            float gi = g[i] + decay * w[i];
            v[i] = alpha * v[i] + oneMinusAlpha * gi * gi;
            float denom;
            if (centered) {
                a[i] = alpha * a[i] + oneMinusAlpha * gi;
                denom = (float) Math.sqrt(v[i] - a[i] * a[i]) + eps;
            } else {
                denom = (float) Math.sqrt(v[i]) + eps;
            }
            if (buf != null) {
                buf[i] = momentum * buf[i] + gi / denom;
                w[i] -= lr * buf[i];
            } else {
                w[i] -= lr * gi / denom;
            }
        }
    }

    @Override
    public String toString() {
        return "rmsprop(lr=" + lr + ", alpha=" + alpha + ", eps=" + eps + ", weight_decay=" + weightDecay
                + ", momentum=" + momentum + ", centered=" + centered + ")";
    }
}
