package dev.jnn.api;

import java.util.List;

/**
 * One step of the forward pass, and its link in the chain rule.
 *
 * <p>The life of a layer, in the manner of Keras:
 * <ol>
 *   <li>{@link #build} once, with the shape of one sample ({@code [features]}, no batch): the layer
 *       checks the shape, creates its parameters and works out {@link #outputShape()};</li>
 *   <li>{@link #forward} with a batch {@code [batch, features...]}: computes the output and caches
 *       what backward needs;</li>
 *   <li>{@link #backward} with dLoss/dOutput: sets every parameter's gradient and returns
 *       dLoss/dInput, using only what its own forward cached.</li>
 * </ol>
 *
 * <p>Tensors returned by forward and backward may be buffers the layer reuses on the next call
 * (so that training allocates nothing per step): read them before calling the layer again.
 * {@code GradientCheck} in nn-core tells a layer's author whether backward matches forward.
 */
public interface Layer {

    /** The provider name of this kind of layer, such as {@code "dense"}. */
    String type();

    /**
     * Creates the parameters for inputs of shape {@code inputShape} (one sample, no batch dimension).
     *
     * @throws IllegalArgumentException if the layer cannot take that shape; the message says what it expected
     */
    void build(int[] inputShape, BuildContext context);

    /** The shape of one output sample; valid after {@link #build}. */
    int[] outputShape();

    /** The output for a batch; {@code training} is false for evaluation (dropout and the like). */
    Tensor forward(Tensor input, boolean training);

    /** Given dLoss/dOutput for the last forward batch, sets parameter gradients and returns dLoss/dInput. */
    Tensor backward(Tensor gradOutput);

    /**
     * As {@link #backward(Tensor)}, but when {@code needInputGradient} is false nobody will read
     * dLoss/dInput (the layer is a model's first and its input is data), so the layer may skip that
     * product and return null. By default it computes it anyway.
     */
    default Tensor backward(Tensor gradOutput, boolean needInputGradient) {
        return backward(gradOutput);
    }

    /** The trainable parameters, empty for a layer that has none. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
