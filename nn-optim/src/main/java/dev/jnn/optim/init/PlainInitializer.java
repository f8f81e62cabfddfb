package dev.jnn.optim.init;

import dev.jnn.api.Initializer;
import dev.jnn.api.Tensor;
import java.util.random.RandomGenerator;

/** Initializers that ignore the fans: {@code zeros}, {@code constant}, {@code uniform}, {@code normal}. */
public final class PlainInitializer {
    private PlainInitializer() {
    }

    /** Every value {@code value}. */
    public static Initializer constant(String type, double value) {
        return new Initializer() {
            public String type() { return type; }
            public void fill(Tensor w, int fanIn, int fanOut, RandomGenerator random) { w.fill((float) value); }
            public String toString() { return type + "(" + value + ")"; }
        };
    }

    /** U(low, high); fails unless low &lt; high. */
    public static Initializer uniform(double low, double high) {
        if (!(low < high)) {
            throw new IllegalArgumentException("uniform: low must be below high, got low " + low + " and high " + high);
        }
        return new Initializer() {
            public String type() { return "uniform"; }
            public void fill(Tensor w, int fanIn, int fanOut, RandomGenerator random) {
                Distribution.uniform(w, low, high, random);
            }
            public String toString() { return "uniform(" + low + ", " + high + ")"; }
        };
    }

    /** N(mean, std^2); fails unless std &gt; 0. */
    public static Initializer normal(double mean, double std) {
        if (!(std > 0)) {
            throw new IllegalArgumentException("normal: std must be greater than 0, got " + std);
        }
        return new Initializer() {
            public String type() { return "normal"; }
            public void fill(Tensor w, int fanIn, int fanOut, RandomGenerator random) {
                Distribution.normal(w, mean, std, random);
            }
            public String toString() { return "normal(mean=" + mean + ", std=" + std + ")"; }
        };
    }
}
