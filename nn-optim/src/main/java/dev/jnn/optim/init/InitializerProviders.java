package dev.jnn.optim.init;

import dev.jnn.api.Initializer;
import dev.jnn.api.spi.InitializerProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import dev.jnn.optim.init.ScaledInitializer.Fan;
import java.util.List;

/**
 * The initializers by name; each nested class is listed in
 * {@code META-INF/services/dev.jnn.api.spi.InitializerProvider}.
 */
public final class InitializerProviders {
    private InitializerProviders() {
    }

    private static final Setting MODE = Setting.text("mode", "fan_in", "fan_in (keeps forward variance) or fan_out (keeps backward variance)");
    private static final Setting NONLINEARITY = Setting.text("nonlinearity", "relu", "activation after the layer, for the gain: linear, sigmoid, tanh, relu, leaky_relu");
    private static final Setting SLOPE = Setting.number("negative_slope", 0, "leaky ReLU slope, for its gain");

    private static Fan fan(Settings s) {
        String mode = s.getString("mode");
        s.require(mode.equals("fan_in") || mode.equals("fan_out"), "mode", "fan_in or fan_out");
        return mode.equals("fan_in") ? Fan.IN : Fan.OUT;
    }

    private static Initializer he(Settings s, String type, boolean uniform) {
        return new ScaledInitializer(type, fan(s), Gain.of(s.getString("nonlinearity"), s.getDouble("negative_slope")), uniform);
    }

    /** {@code xavier_uniform}, also Glorot uniform. */
    public static final class XavierUniform implements InitializerProvider {
        public String name() { return "xavier_uniform"; }
        public String description() { return "Glorot/Xavier uniform: U(-b, b), b = gain * sqrt(6 / (fan_in + fan_out))"; }
        public List<Setting> settings() { return List.of(Setting.number("gain", 1, "scale factor (5/3 for tanh)")); }
        public Initializer create(Settings s) { return new ScaledInitializer(name(), Fan.AVERAGE, s.getDouble("gain"), true); }
    }

    /** {@code xavier_normal}, also Glorot normal. */
    public static final class XavierNormal implements InitializerProvider {
        public String name() { return "xavier_normal"; }
        public String description() { return "Glorot/Xavier normal: N(0, s^2), s = gain * sqrt(2 / (fan_in + fan_out))"; }
        public List<Setting> settings() { return List.of(Setting.number("gain", 1, "scale factor (5/3 for tanh)")); }
        public Initializer create(Settings s) { return new ScaledInitializer(name(), Fan.AVERAGE, s.getDouble("gain"), false); }
    }

    /** {@code he_uniform}, also Kaiming uniform. */
    public static final class HeUniform implements InitializerProvider {
        public String name() { return "he_uniform"; }
        public String description() { return "He/Kaiming uniform: U(-b, b), b = gain * sqrt(3 / fan), gain sqrt(2) for ReLU"; }
        public List<Setting> settings() { return List.of(MODE, NONLINEARITY, SLOPE); }
        public Initializer create(Settings s) { return he(s, name(), true); }
    }

    /** {@code he_normal}, also Kaiming normal. */
    public static final class HeNormal implements InitializerProvider {
        public String name() { return "he_normal"; }
        public String description() { return "He/Kaiming normal: N(0, s^2), s = gain / sqrt(fan), gain sqrt(2) for ReLU"; }
        public List<Setting> settings() { return List.of(MODE, NONLINEARITY, SLOPE); }
        public Initializer create(Settings s) { return he(s, name(), false); }
    }

    /** {@code lecun_normal}. */
    public static final class LecunNormal implements InitializerProvider {
        public String name() { return "lecun_normal"; }
        public String description() { return "LeCun normal: N(0, 1 / fan_in)"; }
        public List<Setting> settings() { return List.of(); }
        public Initializer create(Settings s) { return new ScaledInitializer(name(), Fan.IN, 1.0, false); }
    }

    /** {@code zeros}. */
    public static final class Zeros implements InitializerProvider {
        public String name() { return "zeros"; }
        public String description() { return "every weight 0 (for biases; a weight matrix of zeros never learns distinct units)"; }
        public List<Setting> settings() { return List.of(); }
        public Initializer create(Settings s) { return PlainInitializer.constant(name(), 0); }
    }

    /** {@code constant}. */
    public static final class Constant implements InitializerProvider {
        public String name() { return "constant"; }
        public String description() { return "every weight the same value"; }
        public List<Setting> settings() { return List.of(Setting.number("value", 0, "the value")); }
        public Initializer create(Settings s) { return PlainInitializer.constant(name(), s.getDouble("value")); }
    }

    /** {@code uniform}. */
    public static final class Uniform implements InitializerProvider {
        public String name() { return "uniform"; }
        public String description() { return "U(low, high), ignoring the fans"; }
        public List<Setting> settings() {
            return List.of(Setting.number("low", -0.05, "lower bound"), Setting.number("high", 0.05, "upper bound"));
        }
        public Initializer create(Settings s) { return PlainInitializer.uniform(s.getDouble("low"), s.getDouble("high")); }
    }

    /** {@code normal}. */
    public static final class Normal implements InitializerProvider {
        public String name() { return "normal"; }
        public String description() { return "N(mean, std^2), ignoring the fans"; }
        public List<Setting> settings() {
            return List.of(Setting.number("mean", 0, "mean"), Setting.number("std", 0.05, "standard deviation"));
        }
        public Initializer create(Settings s) { return PlainInitializer.normal(s.getDouble("mean"), s.getDouble("std")); }
    }
}
