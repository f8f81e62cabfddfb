package dev.jnn.api;

/**
 * A function to minimize directly, before any network: gradient descent in its plainest form, as the
 * articles this project comes from begin (y = (x + 2)², then the Rosenbrock valley). Optimizers move
 * its point as they move a model's weights.
 */
public interface Objective {

    /** The provider name, such as {@code "rosenbrock"}. */
    String type();

    /** Where the descent starts. */
    float[] start();

    /** The minimum the descent should reach, to measure how close it came. */
    float[] minimum();

    /** f(x). */
    double value(float[] x);

    /** Writes ∂f/∂x at {@code x} into {@code gradient}. */
    void gradient(float[] x, float[] gradient);
}
