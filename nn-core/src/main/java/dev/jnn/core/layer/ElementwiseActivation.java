package dev.jnn.core.layer;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Kernels;
import dev.jnn.api.Layer;
import dev.jnn.api.Scratch;
import dev.jnn.api.Tensor;
import dev.jnn.api.Workspace;

/**
 * A layer that applies one function to every value, {@code y = f(x)}, so its backward is the
 * element-wise product {@code dx = dy ⊙ f'(x)}. Subclasses give f and f' (often computed from y),
 * with the kernels of the engine that built the layer. It has no parameters and any input shape.
 */
public abstract class ElementwiseActivation implements Layer {
    /** The engine's kernels; set when built. */
    protected Kernels kernels;
    private int[] shape;
    private Tensor input;
    private Tensor output;
    private final Workspace outputBuffers = new Workspace();
    private final Workspace gradInputBuffers = new Workspace();

    @Override
    public void build(int[] inputShape, BuildContext context) {
        this.shape = inputShape.clone();
        this.kernels = context.kernels();
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
        input = x;
        output = outputBuffers.get(x.rows(), shape);
        apply(x.data(), output.data(), x.size());
        return output;
    }

    @Override
    public Tensor infer(Tensor x, Scratch scratch) {
        Shapes.checkBuilt(type(), shape);
        Shapes.checkBatch(type(), x, shape);
        Tensor out = scratch.buffer(0, x.rows(), shape);
        apply(x.data(), out.data(), x.size());
        return out;
    }

    @Override
    public Tensor backward(Tensor dy) {
        Shapes.checkBackward(type(), input, dy, shape);
        Tensor gradInput = gradInputBuffers.get(dy.rows(), shape);
        derivative(input.data(), output.data(), dy.data(), gradInput.data(), dy.size());
        return gradInput;
    }

    /** {@code y = f(x)} for the first {@code n} values. */
    protected abstract void apply(float[] x, float[] y, int n);

    /** {@code dx = dy ⊙ f'(x)}, given both the input x and output y of the last forward. */
    protected abstract void derivative(float[] x, float[] y, float[] dy, float[] dx, int n);

    @Override
    public String toString() {
        return type();
    }
}
