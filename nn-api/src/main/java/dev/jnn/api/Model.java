package dev.jnn.api;

import java.util.List;

/**
 * Layers composed into one function, with the chain rule carried backwards through them.
 */
public interface Model {

    /** The provider name of this kind of model, such as {@code "sequential"}. */
    String type();

    /** Appends a layer; only before {@link #build}. */
    Model add(Layer layer);

    /**
     * Builds every layer in order, inferring each one's input shape from the previous output.
     *
     * @param inputShape one sample's shape, without the batch dimension
     * @param context    the engine's kernels and providers, and the random generator that seeds the
     *                   initializers: the same seed gives the same weights, bit for bit
     * @throws IllegalArgumentException naming the layer index, its type and both shapes when a layer
     *                                  cannot take its input
     */
    void build(int[] inputShape, BuildContext context);

    /**
     * The output for a training or evaluation batch, caching what {@link #backward} needs: for the one
     * thread that trains the model. The result may be a buffer the next call overwrites.
     */
    Tensor forward(Tensor input, boolean training);

    /**
     * The output for a batch in evaluation mode, as a new tensor. Thread-safe: any number of threads
     * may call it on one trained model at once (not while it trains), each getting its own result.
     */
    Tensor predict(Tensor input);

    /**
     * As {@link #predict(Tensor)}, written into {@code output} ({@code [batch, output shape...]}):
     * allocates nothing once the calling thread has seen the batch size. Returns {@code output}.
     *
     * @throws IllegalArgumentException if {@code output} does not have the output's shape
     */
    Tensor predict(Tensor input, Tensor output);

    /**
     * Backpropagates dLoss/dOutput through every layer, setting every parameter's gradient; returns
     * dLoss/dInput, or null when {@code needInputGradient} is false (training needs only the
     * parameters' gradients, and the first layer may then skip a whole matrix product).
     */
    Tensor backward(Tensor gradOutput, boolean needInputGradient);

    /** {@link #backward(Tensor, boolean)} with dLoss/dInput. */
    default Tensor backward(Tensor gradOutput) {
        return backward(gradOutput, true);
    }

    /** Every trainable parameter, in layer order. */
    List<Parameter> parameters();

    List<Layer> layers();

    /** Every layer's {@link Layer#buffers() buffers}, in layer order: saved with the model, never trained. */
    default List<Parameter> buffers() {
        return layers().stream().flatMap(l -> l.buffers().stream()).toList();
    }

    /**
     * The kernels this model was built with (its engine's), for the work of a training step beside the
     * model's own, such as the optimizer's update; {@code null} for a model that does not say.
     */
    default Kernels kernels() {
        return null;
    }

    /** One sample's input and output shapes; valid after {@link #build}. */
    int[] inputShape();

    int[] outputShape();
}
