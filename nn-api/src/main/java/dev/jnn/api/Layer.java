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
 * <p>Thread safety: {@link #forward} and {@link #backward} are for one training thread. They cache
 * the batch for backward and may return buffers the layer reuses on the next call (so that training
 * allocates nothing per step): read them before calling the layer again. {@link #infer} is the
 * inference path that many threads may call at once. {@code GradientCheck} in nn-core tells a layer's
 * author whether backward matches forward.
 */
public interface Layer {

    /** The provider name of this kind of layer, such as {@code "dense"}. */
    String type();

    /**
     * Creates the parameters for inputs of shape {@code inputShape} (one sample, no batch dimension),
     * and keeps from {@code context} what it computes with (its kernels) and resolves named
     * collaborators through its providers.
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

    /**
     * The output for a batch in evaluation mode, safe to call from any number of threads at once (as
     * long as nobody trains the layer meanwhile): it reads the parameters, caches nothing, and writes
     * only into buffers from {@code scratch}, which belongs to the calling thread. The result may be
     * one of those buffers.
     *
     * <p>By default it runs {@link #forward}{@code (input, false)} while holding this layer's lock and
     * copies the result into the scratch: correct for any layer, but one thread at a time. The
     * built-in layers compute straight into the scratch instead.
     */
    default Tensor infer(Tensor input, Scratch scratch) {
        synchronized (this) {
            Tensor out = forward(input, false);
            int[] shape = out.shape();
            Tensor copy = scratch.buffer(0, shape[0], java.util.Arrays.copyOfRange(shape, 1, shape.length));
            copy.copyFrom(out);
            return copy;
        }
    }

    /**
     * The settings its provider re-creates this layer from, by the provider's setting names (Keras's
     * {@code get_config}): what a saved model file records of it. Empty by default, right for a layer
     * without settings; a layer with settings returns them, or a model that holds it saves with the
     * provider's defaults in their place.
     */
    default java.util.Map<String, Object> settings() {
        return java.util.Map.of();
    }

    /**
     * State that is not trained but belongs to the model and is saved with it, such as batch
     * normalization's running mean and variance; empty by default. Optimizers never see it.
     */
    default List<Parameter> buffers() {
        return List.of();
    }

    /** The trainable parameters, empty for a layer that has none. */
    default List<Parameter> parameters() {
        return List.of();
    }
}
