package dev.jnn.core.train;

/**
 * What one epoch measured. Validation figures are NaN without validation data; accuracies are NaN
 * for losses where accuracy means nothing (regression).
 *
 * @param trainLoss        mean over the epoch's samples of the loss before each step
 * @param seconds          wall time of the epoch's training steps, evaluation excluded
 * @param samplesPerSecond training samples per second of {@code seconds}
 */
public record EpochMetrics(int epoch, double trainLoss, double trainAccuracy, double validationLoss,
                           double validationAccuracy, double seconds, double samplesPerSecond) {
}
