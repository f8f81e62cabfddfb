package dev.jnn.api;

/**
 * A trainable tensor and its gradient buffer, of the same shape.
 *
 * <p>A layer's {@code backward} <em>sets</em> (does not add to) {@link #gradient()}; an optimizer reads
 * it and moves {@link #value()} against it. The name is unique within a model (such as
 * {@code "1.dense.weight"}) and keys the optimizer's saved state.
 *
 * @param name        unique within a model
 * @param value       the weights
 * @param gradient    dLoss/dValue for the last batch, averaged over the batch
 * @param weightDecay whether optimizers apply their {@code weight_decay} to it (true by default,
 *                    as in PyTorch; set false to exempt, say, biases)
 */
public record Parameter(String name, Tensor value, Tensor gradient, boolean weightDecay) {

    public Parameter {
        if (!value.sameShape(gradient)) {
            throw new IllegalArgumentException("parameter '" + name + "': gradient shape " + gradient.shapeString()
                    + " differs from value shape " + value.shapeString());
        }
    }

    /** A zero-filled parameter of the given shape, subject to weight decay. */
    public static Parameter zeros(String name, int... shape) {
        return new Parameter(name, Tensor.zeros(shape), Tensor.zeros(shape), true);
    }

    /** The number of scalar weights. */
    public int size() {
        return value.size();
    }

    @Override
    public String toString() {
        return name + value.shapeString();
    }
}
