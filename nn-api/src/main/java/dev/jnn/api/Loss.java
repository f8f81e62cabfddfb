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
     * The fraction of samples predicted right, or NaN where accuracy means nothing (regression).
     */
    default double accuracy(Tensor predictions, Tensor targets) {
        return Double.NaN;
    }
}
