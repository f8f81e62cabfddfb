package dev.jnn.core.train;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;

/**
 * Where a training step's gradients come from. {@link Trainer#fit(dev.jnn.api.data.Dataset, dev.jnn.api.data.Dataset)}
 * computes them in this process from the rows it holds ({@link #local}); a cluster computes them from
 * its partitions (the nn-spark module), and the trainer does everything else the same: the batch order,
 * clipping, the optimizer's step, schedules, listeners, checkpoints.
 */
public interface GradientSource {

    /** The training samples, numbered 0 to samples() - 1 in the batch order. */
    int samples();

    /**
     * Sets every parameter's gradient to the batch mean of the loss's gradient, for the batch made of
     * samples {@code order[from] .. order[from + count - 1]} and the model's current weights.
     *
     * @return the batch's mean loss
     */
    float computeGradients(Model model, Loss loss, int[] order, int from, int count);

    /** The mean accuracy over the batch last computed; NaN where the loss defines none. */
    double lastAccuracy();

    /**
     * Whether this source trains copies of the model itself and sets the model's weights and the
     * optimizer's state to their average ({@link #train}), rather than computing gradients for the
     * trainer's optimizer to step with. False unless overridden.
     */
    default boolean averagesCopies() {
        return false;
    }

    /**
     * For a source that {@link #averagesCopies}: accounts for the batch {@code order[from .. from + count)}
     * (the copies may have trained on it, and the model and optimizer may have been set to their
     * average, a few batches at a time), and returns its mean loss; {@link #lastAccuracy} its accuracy.
     */
    default float train(Model model, Loss loss, dev.jnn.api.Optimizer optimizer, int[] order, int from, int count) {
        throw new UnsupportedOperationException("this gradient source does not train copies of the model");
    }

    /** The gradients of rows of {@code train}, computed here: a forward and a backward pass. */
    static GradientSource local(dev.jnn.api.data.Dataset train) {
        return new LocalGradients(train);
    }
}
