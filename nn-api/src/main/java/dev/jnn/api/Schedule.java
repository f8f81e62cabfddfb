package dev.jnn.api;

import java.util.Map;

/**
 * A learning-rate schedule: the rate an optimizer uses at each epoch (or, for schedules that are per
 * batch by nature, at each batch), as PyTorch's {@code torch.optim.lr_scheduler} defines it.
 *
 * <p>The trainer asks {@link #rate} before each epoch (or batch) with its index counted from 0, the
 * optimizer's initial rate, and the last epoch's test loss (for schedules that react to it), and sets
 * the answer on the optimizer. A schedule with memory ({@code plateau}) saves it with {@link #state},
 * so that a resumed run continues the schedule.
 */
public interface Schedule {

    /** The provider name, such as {@code "cosine"}. */
    String type();

    /** True for a schedule stepped after every batch ({@code onecycle}); false for per epoch. */
    default boolean perBatch() {
        return false;
    }

    /**
     * The rate for step {@code step} (0 for the first epoch or batch).
     *
     * @param initialRate the optimizer's rate before any schedule
     * @param lastLoss    the previous epoch's test loss (NaN before the first, or without test data)
     */
    double rate(long step, double initialRate, double lastLoss);

    /**
     * Fails before training when the schedule cannot cover a run of {@code steps} steps (a one-cycle
     * schedule shorter than the run). Does nothing by default.
     *
     * @throws IllegalArgumentException saying what the run needs
     */
    default void checkRun(long steps) {
    }

    /** What it remembers between steps, for a checkpoint; empty for a schedule that is a function of the step. */
    default Map<String, Double> state() {
        return Map.of();
    }

    /** Restores {@link #state()}. */
    default void loadState(Map<String, Double> state) {
    }
}
