package dev.jnn.optim.init;

import dev.jnn.api.Tensor;
import java.util.random.RandomGenerator;

/** The two shapes every initializer here draws from, filled in row-major order from the model's generator. */
final class Distribution {
    private Distribution() {
    }

    /** Every value from U(low, high). */
    static void uniform(Tensor weights, double low, double high, RandomGenerator random) {
        float[] w = weights.data();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (low + (high - low) * random.nextDouble());
        }
    }

    /** Every value from N(mean, std^2). */
    static void normal(Tensor weights, double mean, double std, RandomGenerator random) {
        float[] w = weights.data();
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (mean + std * random.nextGaussian());
        }
    }
}
