package dev.jnn.api;

import java.util.random.RandomGenerator;

/**
 * Fills a weight tensor with starting values drawn from a distribution scaled by fan-in and fan-out.
 */
public interface Initializer {

    /** The provider name, such as {@code "he_normal"}. */
    String type();

    /**
     * Overwrites every value of {@code weights}.
     *
     * @param fanIn  the inputs each unit sums over (a dense weight {@code [fanIn, fanOut]})
     * @param fanOut the units each input feeds
     */
    void fill(Tensor weights, int fanIn, int fanOut, RandomGenerator random);
}
