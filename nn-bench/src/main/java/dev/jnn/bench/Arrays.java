package dev.jnn.bench;

import java.util.SplittableRandom;

/** Benchmark inputs. */
final class Arrays {
    private Arrays() {
    }

    /** {@code n} values uniform in [-0.5, 0.5), the same for the same seed. */
    static float[] random(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextDouble() - 0.5);
        }
        return v;
    }
}
