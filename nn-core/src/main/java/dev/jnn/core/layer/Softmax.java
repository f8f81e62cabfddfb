package dev.jnn.core.layer;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Layer;
import dev.jnn.api.Tensor;
import dev.jnn.api.Scratch;
import dev.jnn.api.Workspace;

/**
 * Softmax over each sample's values, turning scores into probabilities.
 * <pre>
 *   forward:  y_i = e^(x_i - max x) / sum_j e^(x_j - max x)       (shifting by max x avoids overflow)
 *   backward: dx_i = y_i * (dy_i - sum_j dy_j * y_j)              (the Jacobian diag(y) - y y^T times dy)
 * </pre>
 * For training a classifier, leave the model's last layer linear and use the
 * {@code softmax_cross_entropy} loss, which fuses the two stably; this layer is for models that must
 * output probabilities.
 */
public final class Softmax implements Layer {
    private int[] shape;
    private Tensor output;
    private final Workspace outputBuffers = new Workspace();
    private final Workspace gradInputBuffers = new Workspace();

    @Override
    public String type() {
        return "softmax";
    }

    @Override
    public void build(int[] inputShape, BuildContext context) {
        if (inputShape.length != 1) {
            throw new IllegalArgumentException("softmax expects one-dimensional samples [classes], got "
                    + java.util.Arrays.toString(inputShape));
        }
        shape = inputShape.clone();
    }

    @Override
    public int[] outputShape() {
        Shapes.checkBuilt(type(), shape);
        return shape.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Shapes.checkBuilt(type(), shape);
        Shapes.checkBatch(type(), x, shape);
        output = outputBuffers.get(x.rows(), shape);
        int n = shape[0];
        for (int r = 0; r < x.rows(); r++) {
            row(x.data(), output.data(), r * n, n);
        }
        return output;
    }

    /**
     * Writes the softmax of {@code in[offset .. offset + n)} to the same places of {@code out} and
     * returns {@code log(sum_j e^in_j)}, computed as {@code max + log(sum_j e^(in_j - max))} so that no
     * exponent overflows. Shared with the fused softmax cross-entropy loss.
     */
    public static double row(float[] in, float[] out, int offset, int n) {
        float max = Float.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, in[offset + j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double e = Math.exp(in[offset + j] - max);
            out[offset + j] = (float) e;
            sum += e;
        }
        float inverse = (float) (1.0 / sum);
        for (int j = 0; j < n; j++) {
            out[offset + j] *= inverse;
        }
        return max + Math.log(sum);
    }

    @Override
    public Tensor infer(Tensor x, Scratch scratch) {
        Shapes.checkBuilt(type(), shape);
        Shapes.checkBatch(type(), x, shape);
        Tensor out = scratch.buffer(0, x.rows(), shape);
        int n = shape[0];
        for (int r = 0; r < x.rows(); r++) {
            row(x.data(), out.data(), r * n, n);
        }
        return out;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Shapes.checkBackward(type(), output, dy, shape);
        Tensor gradInput = gradInputBuffers.get(dy.rows(), shape);
        int n = shape[0];
        float[] y = output.data();
        float[] g = dy.data();
        float[] dx = gradInput.data();
        for (int r = 0; r < dy.rows(); r++) {
            int row = r * n;
            double dot = 0;
            for (int j = 0; j < n; j++) {
                dot += g[row + j] * y[row + j];
            }
            for (int j = 0; j < n; j++) {
                dx[row + j] = y[row + j] * (g[row + j] - (float) dot);
            }
        }
        return gradInput;
    }

    @Override
    public String toString() {
        return "softmax";
    }
}
