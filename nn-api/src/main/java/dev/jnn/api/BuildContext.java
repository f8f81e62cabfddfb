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

    /** This context's generator, kernels and providers, with parameters named {@code prefix + localName}. */
    default BuildContext withPrefix(String prefix) {
        return of(random(), prefix, kernels(), providers());
    }
}
