package dev.jnn.core.model;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Scratch;
import dev.jnn.core.Engine;
import dev.jnn.api.Kernels;
import dev.jnn.api.Layer;
import dev.jnn.api.Model;
import dev.jnn.api.Parameter;
import dev.jnn.api.Tensor;
import dev.jnn.core.layer.Shapes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Layers applied one after another.
 * <pre>
 *   forward:  x_{i+1} = layer_i(x_i)
 *   backward: dL/dx_i = layer_i.backward(dL/dx_{i+1}),   from the last layer to the first
 * </pre>
 * Building infers every layer's input shape from the previous layer's output (as Keras does), and
 * draws every weight from one generator seeded by the caller, layer by layer in order: the same seed
 * gives the same weights, bit for bit. The layers compute with the kernels of the {@link Engine} that
 * builds the model. Printing a model prints its architecture.
 *
 * <p>Thread safety: training ({@link #forward}, {@link #backward}) is for one thread at a time.
 * {@link #predict} may be called by any number of threads at once on a trained model: each call
 * borrows a set of per-layer buffers (a {@link Scratch} per layer) from a small pool and returns it,
 * so concurrent calls share nothing they write, and a call that passes its own output buffer
 * allocates nothing once warm.
 */
public final class Sequential implements Model {
    private final List<Layer> layers = new ArrayList<>();
    /** The engine's kernels this model was built with: the trainer splits the optimizer's work over their threads. */
    private Kernels kernels;
    private List<Parameter> parameters = List.of();
    private int[] inputShape;
    private int[] outputShape;
    private final ScratchPool scratches = new ScratchPool(this.layers::size);

    public Sequential(Layer... layers) {
        for (Layer layer : layers) {
            add(layer);
        }
    }

    @Override
    public String type() {
        return "sequential";
    }

    @Override
    public Sequential add(Layer layer) {
        if (inputShape != null) {
            throw new IllegalStateException("cannot add " + layer.type() + " to a model that is already built");
        }
        layers.add(layer);
        return this;
    }

    /**
     * Builds on the {@linkplain Engine#shared() shared engine} for samples of shape {@code inputShape},
     * such as {@code build(7, 784)}.
     */
    public Sequential build(long seed, int... inputShape) {
        return build(Engine.shared(), seed, inputShape);
    }

    /** Builds on {@code engine}: its kernels, its providers, and weights drawn from {@code seed}. */
    public Sequential build(Engine engine, long seed, int... inputShape) {
        build(inputShape, engine.context(seed));
        return this;
    }

    @Override
    public void build(int[] inputShape, BuildContext context) {
        if (layers.isEmpty()) {
            throw new IllegalStateException("cannot build a model without layers");
        }
        if (this.inputShape != null) {
            throw new IllegalStateException("this model is already built for input " + Arrays.toString(this.inputShape));
        }
        List<Parameter> collected = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int[] shape = inputShape.clone();
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            if (!layer.parameters().isEmpty()) {
                throw new IllegalStateException("layer " + i + " (" + layer.type() + ") is built already, as part of another model;"
                        + " a layer belongs to one model: create a new one (its weights would be shared and its cached batch mixed)");
            }
            try {
                layer.build(shape.clone(), context.withPrefix(i + "." + layer.type() + "."));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("layer " + i + " (" + layer.type() + ") cannot take input of shape "
                        + Arrays.toString(shape) + ": " + e.getMessage(), e);
            }
            for (Parameter p : layer.parameters()) {
                if (!names.add(p.name())) {
                    throw new IllegalStateException("layer " + i + " (" + layer.type() + ") has a second parameter named '"
                            + p.name() + "'");
                }
                collected.add(p);
            }
            shape = layer.outputShape();
        }
        this.inputShape = inputShape.clone();
        this.outputShape = shape;
        this.parameters = Collections.unmodifiableList(collected);
        this.kernels = context.kernels();
    }

    @Override
    public Kernels kernels() {
        return kernels;
    }

    @Override
    public Tensor forward(Tensor input, boolean training) {
        checkBuilt();
        Shapes.checkBatch("model input", input, inputShape);
        Tensor x = input;
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).forward(x, training);
        }
        return x;
    }

    @Override
    public Tensor predict(Tensor input) {
        checkBuilt();
        int[] shape = new int[outputShape.length + 1];
        shape[0] = input.rows();
        System.arraycopy(outputShape, 0, shape, 1, outputShape.length);
        return predict(input, Tensor.zeros(shape));
    }

    @Override
    public Tensor predict(Tensor input, Tensor output) {
        checkBuilt();
        Shapes.checkBatch("model input", input, inputShape);
        Shapes.checkBatch("predict output", output, outputShape);
        if (output.rows() != input.rows()) {
            throw new IllegalArgumentException("predict: output has " + output.rows() + " rows for an input of "
                    + input.rows() + "; expected one row per sample");
        }
        Scratch[] scratch = scratches.acquire();
        try {
            Tensor x = input;
            for (int i = 0; i < layers.size(); i++) {
                x = layers.get(i).infer(x, scratch[i]);
            }
            output.copyFrom(x);
            return output;
        } finally {
            scratches.release(scratch);
        }
    }

    @Override
    public Tensor backward(Tensor gradOutput, boolean needInputGradient) {
        checkBuilt();
        Tensor g = gradOutput;
        for (int i = layers.size() - 1; i > 0; i--) {
            g = layers.get(i).backward(g);
        }
        return layers.get(0).backward(g, needInputGradient);
    }

    @Override
    public List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public List<Layer> layers() {
        return Collections.unmodifiableList(layers);
    }

    @Override
    public int[] inputShape() {
        checkBuilt();
        return inputShape.clone();
    }

    @Override
    public int[] outputShape() {
        checkBuilt();
        return outputShape.clone();
    }

    /** The number of trainable weights. */
    public long parameterCount() {
        long count = 0;
        for (Parameter p : parameters) {
            count += p.size();
        }
        return count;
    }

    /**
     * The architecture: one line per layer with its output shape and weights, like Keras's summary.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Sequential");
        if (inputShape == null) {
            s.append(" (not built)\n");
            for (int i = 0; i < layers.size(); i++) {
                s.append(String.format("  %-3d %s%n", i, layers.get(i)));
            }
            return s.toString();
        }
        s.append(String.format(" (input %s)%n", Arrays.toString(inputShape)));
        for (int i = 0; i < layers.size(); i++) {
            Layer layer = layers.get(i);
            long weights = layer.parameters().stream().mapToLong(Parameter::size).sum();
            s.append(String.format("  %-3d %-32s -> %-12s %,10d weights%n", i, layer, Arrays.toString(layer.outputShape()), weights));
        }
        return s.append(String.format("  total %,d weights%n", parameterCount())).toString();
    }

    private void checkBuilt() {
        if (inputShape == null) {
            throw new IllegalStateException("the model is not built yet: call build(inputShape, seed) first");
        }
    }
}
