package dev.jnn.core.train;

import dev.jnn.api.Model;

/**
 * One finished training step.
 *
 * @param epoch   1-based
 * @param batch   1-based, within the epoch
 * @param batches per epoch
 * @param samples in this batch
 * @param loss    the batch-mean loss before the step
 */
public record BatchEnd(int epoch, int batch, int batches, int samples, float loss, Model model) {
}
