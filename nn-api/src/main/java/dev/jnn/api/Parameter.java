package dev.jnn.api;

/**
 * A trainable tensor and its gradient buffer, of the same shape.
 *
 * <p>A layer's {@code backward} <em>sets</em> (does not add to) {@link #gradient()}; an optimizer reads
 * it and moves {@link #value()} against it. The name is unique within a model (such as
 * {@code "1.dense.weight"}) and keys the optimizer's saved state.
 *
 * <p>A parameter is an identity, not a value: {@code equals} and {@code hashCode} are those of the
 * object, so an optimizer may key a {@code HashMap} by parameter and find its entry however the
 * weights move. Compare values with {@link Tensor#contentEquals}.
 */
public final class Parameter {
    private final String name;
    private final Tensor value;
    private final Tensor gradient;
    private final boolean weightDecay;

    /**
     * @param name        unique within a model
     * @param value       the weights
     * @param gradient    dLoss/dValue for the last batch, averaged over the batch; the value's shape
     * @param weightDecay whether optimizers apply their {@code weight_decay} to it (true by default,
     *                    as in PyTorch; false exempts it)
     * @throws IllegalArgumentException if the gradient's shape differs from the value's
     */
    public Parameter(String name, Tensor value, Tensor gradient, boolean weightDecay) {
        if (!value.sameShape(gradient)) {
            throw new IllegalArgumentException("parameter '" + name + "': gradient shape " + gradient.shapeString()
                    + " differs from value shape " + value.shapeString());
        }
        this.name = name;
        this.value = value;
        this.gradient = gradient;
        this.weightDecay = weightDecay;
    }

    /** A zero-filled parameter of the given shape, subject to weight decay. */
    public static Parameter zeros(String name, int... shape) {
        return new Parameter(name, Tensor.zeros(shape), Tensor.zeros(shape), true);
    }

    public String name() {
        return name;
    }

    public Tensor value() {
        return value;
    }

    public Tensor gradient() {
        return gradient;
    }

    public boolean weightDecay() {
        return weightDecay;
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
