package dev.jnn.api;

import java.util.List;

/**
 * Moves every parameter against its gradient, keeping per-parameter state (velocities, moments,
 * the step count) between steps.
 */
public interface Optimizer {

    /** The provider name, such as {@code "adam"}. */
    String type();

    /** The learning rate the next step uses; NaN for an optimizer that has none. */
    default double learningRate() {
        return Double.NaN;
    }

    /**
     * Sets the learning rate of the following steps (a schedule does, between epochs or batches).
     *
     * @throws UnsupportedOperationException for an optimizer without one
     * @throws IllegalArgumentException      for a rate that is not finite and positive
     */
    default void setLearningRate(double lr) {
        throw new UnsupportedOperationException(type() + " has no learning rate to set");
    }

    /** One update of every parameter from its current gradient. */
    void step(List<Parameter> parameters);

    /**
     * As {@link #step(List)}, free to split the update of a large parameter over {@code kernels}'
     * threads (the trainer passes its model's). The result must be the same, bit for bit: an optimizer
     * that cannot split its work keeps this default.
     */
    default void step(List<Parameter> parameters, Kernels kernels) {
        step(parameters);
    }

    /** A copy of the state, keyed by parameter name and buffer, for checkpoints. */
    OptimizerState state();

    /**
     * Restores a state taken by {@link #state()}: later steps continue exactly as the original would.
     *
     * @throws IllegalArgumentException if a buffer's size does not fit its parameter
     */
    void loadState(OptimizerState state, List<Parameter> parameters);
}
