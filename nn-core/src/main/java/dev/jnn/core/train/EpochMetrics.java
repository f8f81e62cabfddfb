package dev.jnn.core.train;

/**
 * What one epoch measured. Validation figures are NaN without validation data; accuracies are NaN
 * for losses where accuracy means nothing (regression).
 *
 * @param trainLoss        mean over the epoch's samples of the loss before each step
 * @param seconds          wall time of the epoch's training steps, evaluation excluded
 * @param samplesPerSecond training samples per second of {@code seconds}
 * @param learningRate     the optimizer's learning rate during the epoch (at its last step); NaN when unknown
 * @param gradientNorm     the global L2 norm of the gradients before any clipping, mean over the epoch's batches
 * @param clippedFraction  the share of the epoch's batches whose gradients were clipped (0 without clipping)
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double seconds, double samplesPerSecond, double learningRate,
                           double gradientNorm, double clippedFraction) {

    /** An epoch without learning-rate or gradient figures (NaN, and nothing clipped). */
    public EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss, double validationAccuracy,
                        double seconds, double samplesPerSecond) {
        this(epoch, trainLoss, trainAccuracy, validationLoss, validationAccuracy, seconds, samplesPerSecond, Double.NaN,
                Double.NaN, 0);
    }
}
