package dev.jnn.optim;

import java.util.List;

/**
 * Adam (Kingma and Ba, 2015) and AdamW (Loshchilov and Hutter, 2019), as {@code torch.optim.Adam}
 * and {@code torch.optim.AdamW}.
 *
 * <pre>
 *   Adam:   g = g + weight_decay * p               (L2 penalty, coupled into the gradient)
 *   AdamW:  p = p * (1 - lr * weight_decay)        (decoupled decay, before the step)
 *   m = beta1 * m + (1 - beta1) * g
 *   v = beta2 * v + (1 - beta2) * g^2
 *   if amsgrad:  vmax = max(vmax, v);  v_used = vmax   else   v_used = v
 *   p = p - lr / (1 - beta1^t) * m / (sqrt(v_used) / sqrt(1 - beta2^t) + eps)
 * </pre>
 *
 * <p>The last line is {@code lr * m_hat / (sqrt(v_hat) + eps)} written the way PyTorch evaluates it.
 * eps is added to the bias-corrected root, as in PyTorch and the paper; Keras, Deeplearning4j and
 * Tribuo add it to the uncorrected root, which differs in the first steps for small gradients.
 */
public final class Adam extends StatefulOptimizer {
    private final double beta1;
    private final double beta2;
    private final float eps;
    private final float weightDecay;
    private final boolean amsgrad;
    private final boolean decoupled;

    /**
     * @param decoupled true for AdamW's decoupled weight decay, false for Adam's L2 penalty
     * @throws IllegalArgumentException for lr &lt;= 0, a beta outside [0, 1), or a negative eps or weight decay
     */
    public Adam(double lr, double beta1, double beta2, double eps, double weightDecay, boolean amsgrad,
                boolean decoupled) {
        super(decoupled ? "adamw" : "adam",
                amsgrad ? List.of("exp_avg", "exp_avg_sq", "max_exp_avg_sq") : List.of("exp_avg", "exp_avg_sq"));
        String name = decoupled ? "adamw" : "adam";
        Check.positive(name, "lr", lr);
        Check.unitInterval(name, "beta1", beta1);
        Check.unitInterval(name, "beta2", beta2);
        Check.nonNegative(name, "eps", eps);
        Check.nonNegative(name, "weight_decay", weightDecay);
        this.lr = (float) lr;
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = (float) eps;
        this.weightDecay = (float) weightDecay;
        this.amsgrad = amsgrad;
        this.decoupled = decoupled;
    }

    @Override
    protected void update(float[] w, float[] g, float[][] state, long t, boolean decayApplies, int from, int to) {
        float decay = decayApplies ? weightDecay : 0f;
        float coupledDecay = decoupled ? 0f : decay;
        float shrink = decoupled ? 1f - lr * decay : 1f;
        float b1 = (float) beta1;
        float b2 = (float) beta2;
        float oneMinusB1 = 1f - b1;
        float oneMinusB2 = 1f - b2;
        // The bias corrections, in double as PyTorch computes them in Python floats.
        float stepSize = (float) (lr / (1 - Math.pow(beta1, t)));
        float correction2Sqrt = (float) Math.sqrt(1 - Math.pow(beta2, t));
        float[] m = state[0];
        float[] v = state[1];
        // Two loops rather than a branch inside one, so that the JIT can vectorize each.
        if (!amsgrad) {
            for (int i = from; i < to; i++) {
                float gi = g[i] + coupledDecay * w[i];
                float mi = b1 * m[i] + oneMinusB1 * gi;
                float vi = b2 * v[i] + oneMinusB2 * gi * gi;
                m[i] = mi;
                v[i] = vi;
                w[i] = w[i] * shrink - stepSize * mi / ((float) Math.sqrt(vi) / correction2Sqrt + eps);
            }
        } else {
            float[] vmax = state[2];
            for (int i = from; i < to; i++) {
                float gi = g[i] + coupledDecay * w[i];
                float mi = b1 * m[i] + oneMinusB1 * gi;
                float vi = b2 * v[i] + oneMinusB2 * gi * gi;
                float vUsed = Math.max(vmax[i], vi);
                m[i] = mi;
                v[i] = vi;
                vmax[i] = vUsed;
                w[i] = w[i] * shrink - stepSize * mi / ((float) Math.sqrt(vUsed) / correction2Sqrt + eps);
            }
        }
    }

    @Override
    public String toString() {
        return type() + "(lr=" + lr + ", betas=(" + beta1 + ", " + beta2 + "), eps=" + eps + ", weight_decay="
                + weightDecay + ", amsgrad=" + amsgrad + ")";
    }
}
