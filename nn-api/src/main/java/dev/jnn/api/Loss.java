package dev.jnn.api;

/**
 * A scalar loss of a batch of predictions against targets, and its gradient.
 *
 * <p>The loss is the <em>mean</em> over the batch, so the gradient {@link #backward()} returns is the
 * mean of the per-sample gradients: the chain rule then gives every parameter the average gradient
 * of the batch.
 */
public interface Loss {

    /** The provider name, such as {@code "softmax_cross_entropy"}. */
    String type();

    /**
     * The batch-mean loss; caches what {@link #backward()} needs.
     *
     * @throws IllegalArgumentException if the targets do not fit the predictions; the message gives both shapes
     */
    float forward(Tensor predictions, Tensor targets);

    /** dLoss/dPredictions for the last {@link #forward} call, as a {@code [batch, outputs]} matrix. */
    Tensor backward();

    /**
     * Checks, before training starts, that a whole dataset's targets fit this loss and a model with
     * {@code outputs} values per sample: class indices within the outputs for a classification loss,
     * values in [0, 1] for a binary one, one target per output for a regression. A mismatch would
     * otherwise train to a meaningless number (a 3-class problem on a 1-unit output reaches loss 0).
     * Does nothing by default.
     *
     * @throws IllegalArgumentException saying what the targets are and what the loss and model need
     */
    default void checkTargets(Tensor targets, int outputs) {
    }

    /**
     * The fraction of samples predicted right, or NaN where accuracy means nothing (regression).
     */
    default double accuracy(Tensor predictions, Tensor targets) {
        return Double.NaN;
    }
}
