package dev.jnn.api;

import dev.jnn.api.spi.Providers;
import java.util.random.RandomGenerator;

/**
 * What a {@link Layer} gets when it is built, from the engine that builds its model: the model's
 * seeded random generator (for its initializers), a factory for its parameters (which gives them
 * model-unique names), the kernels to compute with, and the providers to find named collaborators
 * in (an initializer, an activation). A layer keeps what it needs of these; it never reaches for a
 * JVM-wide default.
 */
public interface BuildContext {

    /** The model's random generator; layers are built in order, so the same seed gives the same weights. */
    RandomGenerator random();

    /** A zero-filled parameter named {@code prefix + localName}, such as {@code "0.dense.weight"}. */
    Parameter parameter(String localName, int... shape);

    /** The kernels of the engine building the model. */
    Kernels kernels();

    /** The providers of the engine building the model, to resolve names such as {@code "he_normal"}. */
    Providers providers();

    /**
     * A context whose parameters are named {@code prefix + localName}: what a model gives each of its
     * layers, and what a test gives a layer built on its own.
     */
    static BuildContext of(RandomGenerator random, String prefix, Kernels kernels, Providers providers) {
        return new BuildContext() {
            @Override
            public RandomGenerator random() {
                return random;
            }

            @Override
            public Parameter parameter(String localName, int... shape) {
                checkMemory(prefix + localName, shape);
                return Parameter.zeros(prefix + localName, shape);
            }

            @Override
            public Kernels kernels() {
                return kernels;
            }

            @Override
            public Providers providers() {
                return providers;
            }
        };
    }

    /**
     * Fails, before anything is allocated, when a parameter of {@code shape} (its values and its
     * gradient, and an optimizer's state of the same size) would not fit in the memory the JVM has left.
     */
    static void checkMemory(String name, int[] shape) {
        long values = 1;
        for (int d : shape) {
            values *= Math.max(1, d);
            if (values > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("parameter '" + name + "' of shape " + java.util.Arrays.toString(shape)
                        + " has more values than one array holds (" + Integer.MAX_VALUE + ")");
            }
        }
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        long needed = 4L * values * 4;                         // value, gradient, two optimizer buffers
        if (needed > free) {
            throw new IllegalArgumentException("parameter '" + name + "' of shape " + java.util.Arrays.toString(shape) + " needs about "
                    + needed / (1 << 20) + " MiB with its gradient and optimizer state, but the JVM has " + free / (1 << 20)
                    + " MiB left (raise it with -Xmx, or use fewer units)");
        }
    }

    /** This context's generator, kernels and providers, with parameters named {@code prefix + localName}. */
    default BuildContext withPrefix(String prefix) {
        return of(random(), prefix, kernels(), providers());
    }
}
