package dev.jnn.core.train;

import dev.jnn.api.Model;

/**
 * Sees the training loop's events; every method does nothing unless overridden. Listeners run on the
 * training thread, between steps, so they may read the model's parameters and gradients.
 */
public interface TrainingListener {

    /** Before the first epoch. */
    default void onTrainingStart(Model model, int epochs, int batchesPerEpoch) {
    }

    /** After every optimizer step; the gradients of that step are still in the parameters. */
    default void onBatchEnd(BatchEnd batch) {
    }

    /** After every epoch's evaluation; {@code control.stop()} ends training after this epoch. */
    default void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
    }

    /**
     * Training was interrupted ({@link Trainer.Builder#interruptWhen}) after a batch inside an epoch:
     * {@code at} is where it stands, for a checkpoint to continue from. {@link #onTrainingEnd} follows.
     */
    default void onInterrupted(Position at) {
    }

    /** After the last epoch, or a stop. */
    default void onTrainingEnd(History history) {
    }
}
