package dev.jnn.api;

import java.util.List;

/**
 * Layers composed into one function, with the chain rule carried backwards through them.
 */
public interface Model {

    /** Appends a layer; only before {@link #build}. */
    Model add(Layer layer);

    /**
     * Builds every layer in order, inferring each one's input shape from the previous output.
     *
     * @param inputShape one sample's shape, without the batch dimension
     * @param seed       seeds the initializers: the same seed gives the same weights, bit for bit
     * @throws IllegalArgumentException naming the layer index, its type and both shapes when a layer
     *                                  cannot take its input
     */
    void build(int[] inputShape, long seed);

    Tensor forward(Tensor input, boolean training);

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

    /** One sample's input and output shapes; valid after {@link #build}. */
    int[] inputShape();

    int[] outputShape();
}
