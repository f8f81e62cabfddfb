package dev.jnn.core.loss;

import dev.jnn.api.Loss;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;
import dev.jnn.core.layer.Softmax;

/**
 * Cross-entropy of the softmax of logits, fused, as {@code torch.nn.CrossEntropyLoss}.
 * <pre>
 *   forward:  L = (1/B) sum_samples [ logsumexp(z) - sum_c y_c z_c ]
 *             logsumexp(z) = max z + log sum_c e^(z_c - max z)      (finite for logits of any size)
 *   backward: dL/dz = (softmax(z) - y) / B
 * </pre>
 * Targets are either class indices ({@code [B]} or {@code [B, 1]}, values 0..C-1) or one row of class
 * probabilities per sample ({@code [B, C]}, one-hot for hard labels).
 */
public final class SoftmaxCrossEntropy implements Loss {
    private Tensor gradient;
    private final Workspace gradientBuffers = new Workspace();

    @Override
    public String type() {
        return "softmax_cross_entropy";
    }

    @Override
    public float forward(Tensor logits, Tensor targets) {
        int batch = logits.rows();
        int classes = logits.columns();
        boolean indices = Targets.areIndices(type(), logits, targets);
        gradient = gradientBuffers.get(batch, classes);
        float[] z = logits.data();
        float[] y = targets.data();
        float[] g = gradient.data();
        double total = 0;
        for (int r = 0; r < batch; r++) {
            int row = r * classes;
            double logSumExp = Softmax.row(z, g, row, classes);   // g holds the probabilities now
            for (int c = 0; c < classes; c++) {
                g[row + c] /= batch;
            }
            if (indices) {
                int label = Targets.label(type(), y[r], classes, r);
                total += logSumExp - z[row + label];
                g[row + label] -= 1f / batch;
            } else {
                for (int c = 0; c < classes; c++) {
                    float target = y[row + c];
                    total += target * (logSumExp - z[row + c]);
                    g[row + c] -= target / batch;
                }
            }
        }
        return (float) (total / batch);
    }

    @Override
    public void checkTargets(Tensor targets, int outputs) {
        if (outputs < 2) {
            throw new IllegalArgumentException(type() + " needs one output per class, at least 2, but the model has " + outputs
                    + " output: a softmax over one value is always 1, so the loss would be 0 whatever the weights");
        }
        if (targets.columns() == outputs && targets.columns() > 1) {
            checkProbabilityRows(targets);
            return;
        }
        if (targets.columns() != 1) {
            throw new IllegalArgumentException(type() + ": the targets have " + targets.columns() + " values per sample;"
                    + " expected a class index, or one probability per output (" + outputs + ")");
        }
        float highest = 0;
        float[] y = targets.data();
        for (int r = 0; r < y.length; r++) {
            if (y[r] != Math.rint(y[r]) || y[r] < 0) {
                throw new IllegalArgumentException(type() + ": target " + r + " is " + y[r] + ", not a class index (0, 1, ...);"
                        + " regression targets need a regression loss such as mse");
            }
            highest = Math.max(highest, y[r]);
        }
        if (highest >= outputs) {
            throw new IllegalArgumentException(type() + ": the targets hold classes 0 to " + (int) highest + " (" + ((int) highest + 1)
                    + " classes), but the model has " + outputs + " outputs; give the last layer " + ((int) highest + 1) + " units");
        }
    }

    /** Each row must be class probabilities (one-hot for hard labels): values in [0, 1] summing to 1. */
    private void checkProbabilityRows(Tensor targets) {
        int classes = targets.columns();
        float[] y = targets.data();
        for (int r = 0; r < targets.rows(); r++) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
                float v = y[r * classes + c];
                if (!(v >= 0f && v <= 1f)) {
                    throw new IllegalArgumentException(type() + ": target row " + r + " holds " + v + ", not a class probability;"
                            + " regression targets need a regression loss such as mse");
                }
                sum += v;
            }
            if (Math.abs(sum - 1) > 1e-3) {
                throw new IllegalArgumentException(type() + ": target row " + r + " sums to " + (float) sum
                        + "; class probabilities sum to 1 (regression targets need a regression loss such as mse)");
            }
        }
    }

    @Override
    public Tensor backward() {
        return gradient;
    }

    /** The fraction of samples whose largest logit is their target class. */
    @Override
    public double accuracy(Tensor logits, Tensor targets) {
        boolean indices = Targets.areIndices(type(), logits, targets);
        int classes = logits.columns();
        int right = 0;
        for (int r = 0; r < logits.rows(); r++) {
            int truth = indices ? Targets.label(type(), targets.data()[r], classes, r)
                    : Targets.argmax(targets.data(), r * classes, classes);
            right += Targets.argmax(logits.data(), r * classes, classes) == truth ? 1 : 0;
        }
        return (double) right / logits.rows();
    }
}
