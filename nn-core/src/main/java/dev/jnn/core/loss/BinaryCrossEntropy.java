package dev.jnn.core.loss;

import dev.jnn.api.Loss;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;

/**
 * Binary cross-entropy of the sigmoid of logits, fused, as {@code torch.nn.BCEWithLogitsLoss}: each
 * output is an independent yes/no with target probability y in [0, 1].
 * <pre>
 *   forward:  L = (1/N) sum [ max(z, 0) - z y + log(1 + e^-|z|) ]   N = batch * outputs
 *             (= -y log s(z) - (1 - y) log(1 - s(z)), rearranged so no exponent overflows)
 *   backward: dL/dz = (s(z) - y) / N                                  s = sigmoid
 * </pre>
 */
public final class BinaryCrossEntropy implements Loss {
    private Tensor gradient;
    private final Workspace gradientBuffers = new Workspace();

    @Override
    public String type() {
        return "binary_cross_entropy";
    }

    @Override
    public float forward(Tensor logits, Tensor targets) {
        if (targets.size() != logits.size() || targets.rows() != logits.rows()) {
            throw new IllegalArgumentException(type() + ": targets of shape " + targets.shapeString()
                    + " do not fit predictions of shape " + logits.shapeString() + "; expected the same shape");
        }
        gradient = gradientBuffers.get(logits.rows(), logits.columns());
        float[] z = logits.data();
        float[] y = targets.data();
        float[] g = gradient.data();
        int n = z.length;
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (!(y[i] >= 0f && y[i] <= 1f)) {
                throw new IllegalArgumentException(type() + ": target " + i + " is " + y[i] + "; expected a value in [0, 1]");
            }
            double zi = z[i];
            total += Math.max(zi, 0) - zi * y[i] + Math.log1p(Math.exp(-Math.abs(zi)));
            double sigmoid = 1.0 / (1.0 + Math.exp(-zi));
            g[i] = (float) ((sigmoid - y[i]) / n);
        }
        return (float) (total / n);
    }

    @Override
    public void checkTargets(Tensor targets, int outputs) {
        if (targets.columns() != outputs) {
            throw new IllegalArgumentException(type() + ": the targets have " + targets.columns() + " values per sample, but the model has "
                    + outputs + " outputs; expected one target in [0, 1] per output");
        }
        float[] y = targets.data();
        for (int i = 0; i < y.length; i++) {
            if (!(y[i] >= 0f && y[i] <= 1f)) {
                throw new IllegalArgumentException(type() + ": target " + i + " is " + y[i] + "; expected values in [0, 1]");
            }
        }
    }

    @Override
    public Tensor backward() {
        return gradient;
    }

    /** The fraction of outputs on the right side of 0 (probability 1/2) against targets above or below 1/2. */
    @Override
    public double accuracy(Tensor logits, Tensor targets) {
        float[] z = logits.data();
        float[] y = targets.data();
        int right = 0;
        for (int i = 0; i < z.length; i++) {
            right += (z[i] > 0f) == (y[i] > 0.5f) ? 1 : 0;
        }
        return (double) right / z.length;
    }
}
