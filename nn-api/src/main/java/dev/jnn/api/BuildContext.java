package dev.jnn.api;

import java.util.random.RandomGenerator;

/**
 * What a {@link Layer} gets when it is built: the model's seeded random generator (for its
 * initializers) and a factory for its parameters, which gives them model-unique names.
 */
public interface BuildContext {

    /** The model's random generator; layers are built in order, so the same seed gives the same weights. */
    RandomGenerator random();

    /** A zero-filled parameter named {@code prefix + localName}, such as {@code "0.dense.weight"}. */
    Parameter parameter(String localName, int... shape);

    /** A context for a layer built on its own (tests, gradient checks): names get {@code prefix}. */
    static BuildContext of(RandomGenerator random, String prefix) {
        return new BuildContext() {
            @Override
            public RandomGenerator random() {
                return random;
            }

            @Override
            public Parameter parameter(String localName, int... shape) {
                return Parameter.zeros(prefix + localName, shape);
            }
        };
    }
}
