package dev.jnn.core.loss;

import dev.jnn.api.Loss;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;

/**
 * Mean squared error over every value, as {@code torch.nn.MSELoss}.
 * <pre>
 *   forward:  L = (1/N) sum (p - y)^2          N = batch * outputs
 *   backward: dL/dp = 2 (p - y) / N
 * </pre>
 */
public final class MeanSquaredError implements Loss {
    private Tensor gradient;
    private final Workspace gradientBuffers = new Workspace();

    @Override
    public String type() {
        return "mse";
    }

    @Override
    public float forward(Tensor p, Tensor y) {
        Regression.checkShapes(type(), p, y);
        gradient = gradientBuffers.get(p.rows(), p.columns());
        float[] pd = p.data();
        float[] yd = y.data();
        float[] g = gradient.data();
        float scale = 2f / pd.length;
        double sum = 0;
        for (int i = 0; i < pd.length; i++) {
            float d = pd[i] - yd[i];
            sum += (double) d * d;
            g[i] = scale * d;
        }
        return (float) (sum / pd.length);
    }

    @Override
    public void checkTargets(Tensor targets, int outputs) {
        Regression.checkTargets(type(), targets, outputs);
    }

    /** dL/dp as a {@code [batch, outputs]} matrix. */
    @Override
    public Tensor backward() {
        return gradient;
    }
}
