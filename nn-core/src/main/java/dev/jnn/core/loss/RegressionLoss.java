package dev.jnn.core.loss;

import dev.jnn.api.Loss;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;

/**
 * A regression loss that is the mean of one function of each error {@code d = p - y}, over every value
 * of the batch: mean squared error, Huber, L1. Subclasses give the function and its slope.
 * <pre>
 *   forward:  L = (1/N) sum term(d)              N = batch * outputs
 *   backward: dL/dp = slope(d) / N
 * </pre>
 */
public abstract class RegressionLoss implements Loss {
    private Tensor gradient;
    private final Workspace gradientBuffers = new Workspace();

    /** The loss of one value's error. */
    protected abstract double term(float d);

    /** dL/dp of one value, the batch mean's 1/N included ({@code n} is N). */
    protected abstract float slope(float d, int n);

    @Override
    public float forward(Tensor p, Tensor y) {
        if (!p.sameShape(y)) {
            throw new IllegalArgumentException(type() + ": targets of shape " + y.shapeString()
                    + " do not fit predictions of shape " + p.shapeString() + "; expected the same shape");
        }
        gradient = gradientBuffers.get(p.rows(), p.columns());
        float[] pd = p.data();
        float[] yd = y.data();
        float[] g = gradient.data();
        int n = pd.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float d = pd[i] - yd[i];
            sum += term(d);
            g[i] = slope(d, n);
        }
        return (float) (sum / n);
    }

    /** dL/dp as a {@code [batch, outputs]} matrix. */
    @Override
    public Tensor backward() {
        return gradient;
    }

    /** A whole dataset's targets: one finite value per output. */
    @Override
    public void checkTargets(Tensor targets, int outputs) {
        if (targets.columns() != outputs) {
            throw new IllegalArgumentException(type() + ": the targets have " + targets.columns() + " values per sample, but the model has "
                    + outputs + " outputs; expected one target per output");
        }
        if (!targets.isFinite()) {
            throw new IllegalArgumentException(type() + ": the targets hold NaN or infinite values");
        }
    }
}
