package com.example.swish;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Layer;
import dev.jnn.api.Scratch;
import dev.jnn.api.Tensor;
import java.util.Arrays;

/**
 * Swish (Ramachandran et al., 2017), also SiLU: a smooth ReLU.
 * <pre>
 *   forward:  y = x * s(bx)                         s = sigmoid
 *   backward: dx = dy * (s(bx) + b x s(bx) (1 - s(bx)))
 * </pre>
 */
public final class Swish implements Layer {
    private final float beta;
    private int[] shape;
    private Tensor input;
    private Tensor output;
    private Tensor gradInput;

    public Swish(double beta) {
        this.beta = (float) beta;
    }

    @Override
    public String type() {
        return "swish";
    }

    @Override
    public void build(int[] inputShape, BuildContext context) {
        shape = inputShape.clone();
    }

    @Override
    public int[] outputShape() {
        return shape.clone();
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        input = x;
        if (output == null || !output.sameShape(x)) {
            output = Tensor.zeros(x.shape());
        }
        apply(x.data(), output.data());
        return output;
    }

    /** Inference, safe from many threads at once: it writes only into the caller's scratch. */
    @Override
    public Tensor infer(Tensor x, Scratch scratch) {
        int[] shape = x.shape();
        Tensor out = scratch.buffer(0, shape[0], Arrays.copyOfRange(shape, 1, shape.length));
        apply(x.data(), out.data());
        return out;
    }

    @Override
    public Tensor backward(Tensor dy) {
        if (gradInput == null || !gradInput.sameShape(dy)) {
            gradInput = Tensor.zeros(dy.shape());
        }
        float[] x = input.data();
        float[] g = dy.data();
        float[] dx = gradInput.data();
        for (int i = 0; i < x.length; i++) {
            float s = sigmoid(beta * x[i]);
            dx[i] = g[i] * (s + beta * x[i] * s * (1 - s));
        }
        return gradInput;
    }

    /** y = x * s(bx), element by element. */
    private void apply(float[] in, float[] out) {
        for (int i = 0; i < in.length; i++) {
            out[i] = in[i] * sigmoid(beta * in[i]);
        }
    }

    private static float sigmoid(float z) {
        return (float) (1 / (1 + Math.exp(-z)));
    }

    @Override
    public String toString() {
        return "swish(" + beta + ")" + (shape == null ? "" : Arrays.toString(shape));
    }
}
