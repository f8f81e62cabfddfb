package dev.jnn.optim.init;

import dev.jnn.api.Initializer;
import dev.jnn.api.Tensor;
import java.util.random.RandomGenerator;

/**
 * The fan-scaled initializers of {@code torch.nn.init}, one class because they differ only in the
 * scale they compute and whether they draw uniform or normal values:
 *
 * <pre>
 *   xavier_uniform   U(-b, b),  b = gain * sqrt(6 / (fan_in + fan_out))
 *   xavier_normal    N(0, s^2), s = gain * sqrt(2 / (fan_in + fan_out))
 *   he_uniform       U(-b, b),  b = gain * sqrt(3 / fan)     fan = fan_in (or fan_out), gain sqrt(2) for ReLU
 *   he_normal        N(0, s^2), s = gain / sqrt(fan)
 *   lecun_normal     N(0, s^2), s = 1 / sqrt(fan_in)
 * </pre>
 *
 * A uniform U(-b, b) has standard deviation b / sqrt(3), so each uniform/normal pair has one variance.
 */
public final class ScaledInitializer implements Initializer {

    /** Which fan a scale divides by. */
    public enum Fan { IN, OUT, AVERAGE }

    private final String type;
    private final Fan fan;
    private final double gain;
    private final boolean uniform;

    /**
     * @param fan     AVERAGE for Xavier ({@code (fan_in + fan_out) / 2}), IN or OUT for He and LeCun
     * @param gain    multiplies the standard deviation
     * @param uniform U(-b, b) with the same standard deviation instead of a normal
     */
    public ScaledInitializer(String type, Fan fan, double gain, boolean uniform) {
        if (!(gain > 0) || !Double.isFinite(gain)) {
            throw new IllegalArgumentException(type + ": gain must be a finite number greater than 0, got " + gain);
        }
        this.type = type;
        this.fan = fan;
        this.gain = gain;
        this.uniform = uniform;
    }

    @Override
    public String type() {
        return type;
    }

    /** The standard deviation of the values for these fans: gain / sqrt(fan). */
    public double std(int fanIn, int fanOut) {
        double n = switch (fan) {
            case IN -> fanIn;
            case OUT -> fanOut;
            case AVERAGE -> (fanIn + fanOut) / 2.0;
        };
        return gain / Math.sqrt(n);
    }

    @Override
    public void fill(Tensor weights, int fanIn, int fanOut, RandomGenerator random) {
        double std = std(fanIn, fanOut);
        if (uniform) {
            double bound = Math.sqrt(3.0) * std;
            Distribution.uniform(weights, -bound, bound, random);
        } else {
            Distribution.normal(weights, 0, std, random);
        }
    }

    @Override
    public String toString() {
        return type + "(gain=" + gain + ", fan=" + fan.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
