package dev.jnn.core.train;

/**
 * The loss became NaN or infinite: training cannot go on meaningfully. The message says where, and
 * the usual remedies.
 */
public class TrainingDivergedException extends IllegalStateException {
    /** A divergence found after a step (a non-finite test loss or weight), said in {@code message}. */
    public TrainingDivergedException(String message) {
        super(message);
    }

    public TrainingDivergedException(int epoch, int batch, float loss) {
        super("training diverged: the loss is " + loss + " at epoch " + epoch + ", batch " + batch
                + "; try a smaller learning rate, a different initializer, or check the data for NaN/Inf values");
    }
}
