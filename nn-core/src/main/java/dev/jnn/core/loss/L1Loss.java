package dev.jnn.core.loss;

import dev.jnn.api.Loss;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;

/**
 * The mean absolute error, as {@code torch.nn.L1Loss}.
 * <pre>
 *   forward:  L = (1/N) sum |p - y|                 N = batch * outputs
 *   backward: dL/dp = sign(p - y) / N               (0 where p = y, as PyTorch's sign)
 * </pre>
 */
public final class L1Loss implements Loss {
    private Tensor gradient;
    private final Workspace gradientBuffers = new Workspace();

    @Override
    public String type() {
        return "l1";
    }

    @Override
    public float forward(Tensor p, Tensor y) {
        Regression.checkShapes(type(), p, y);
        gradient = gradientBuffers.get(p.rows(), p.columns());
        float[] pd = p.data();
        float[] yd = y.data();
        float[] g = gradient.data();
        int n = pd.length;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            float d = pd[i] - yd[i];
            sum += Math.abs((double) d);
            g[i] = Math.signum(d) / n;
        }
        return (float) (sum / n);
    }

    @Override
    public Tensor backward() {
        return gradient;
    }

    @Override
    public void checkTargets(Tensor targets, int outputs) {
        Regression.checkTargets(type(), targets, outputs);
    }
}
