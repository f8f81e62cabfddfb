package dev.jnn.core.layer;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Layer;
import dev.jnn.api.Scratch;
import dev.jnn.api.Tensor;

/**
 * Flattens each sample to one dimension, such as an image {@code [28, 28]} to {@code [784]}.
 * <pre>
 *   forward:  y = x, viewed as [batch, size]
 *   backward: dx = dy, viewed as [batch, input shape...]
 * </pre>
 * No copy: both are views of the same data.
 */
public final class Flatten implements Layer {
    private int[] inputShape;
    private int[] flatShape;
    // The views handed out last, reused while the same buffers come through (no allocation per step).
    private Tensor lastInput;
    private Tensor flatView;
    private Tensor lastGrad;
    private Tensor gradView;

    @Override
    public String type() {
        return "flatten";
    }

    @Override
    public void build(int[] inputShape, BuildContext context) {
        this.inputShape = inputShape.clone();
        this.flatShape = new int[] {Shapes.size(inputShape)};
    }

    @Override
    public int[] outputShape() {
        Shapes.checkBuilt(type(), inputShape);
        return new int[] {Shapes.size(inputShape)};
    }

    @Override
    public Tensor forward(Tensor x, boolean training) {
        Shapes.checkBuilt(type(), inputShape);
        Shapes.checkBatch(type(), x, inputShape);
        if (x != lastInput) {
            lastInput = x;
            flatView = x.reshape(x.rows(), Shapes.size(inputShape));
        }
        return flatView;
    }

    @Override
    public Tensor infer(Tensor x, Scratch scratch) {
        Shapes.checkBuilt(type(), inputShape);
        Shapes.checkBatch(type(), x, inputShape);
        return scratch.matrixView(0, x);
    }

    @Override
    public Tensor backward(Tensor dy) {
        Shapes.checkBackward(type(), lastInput, dy, flatShape);
        if (dy != lastGrad) {
            int[] shape = new int[inputShape.length + 1];
            shape[0] = dy.rows();
            System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
            lastGrad = dy;
            gradView = dy.reshape(shape);
        }
        return gradView;
    }

    @Override
    public String toString() {
        return "flatten";
    }
}
