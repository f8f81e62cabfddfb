package dev.jnn.core.layer;

import dev.jnn.api.Initializer;
import dev.jnn.api.Layer;
import dev.jnn.api.spi.InvalidSettingException;
import dev.jnn.api.spi.LayerProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The built-in layers by name, listed in {@code META-INF/services/dev.jnn.api.spi.LayerProvider}
 * exactly as a plugin's would be.
 */
public final class LayerProviders {
    private LayerProviders() {
    }

    /** {@code dense}: fully connected, with an optional activation by name. */
    public static final class DenseProvider implements LayerProvider {
        public String name() { return "dense"; }
        public String description() { return "fully connected: y = act(x W + b)"; }
        public List<Setting> settings() {
            return List.of(
                    Setting.integer("units", null, "number of outputs"),
                    Setting.text("activation", "identity", "activation layer applied after the product, by name, with settings inline if any: leaky_relu(negative_slope=0.2)"),
                    Setting.text("init", "xavier_uniform", "initializer of the weight, by name, with settings inline if any: normal(std=1.0)"),
                    Setting.flag("bias", true, "add a bias (initialized to zero)"));
        }
        public Layer create(Settings s) {
            s.require(s.getInt("units") >= 1, "units", "at least 1");
            // Named collaborators resolve where this provider was found: the same engine's providers.
            Layer activation = named(s, "activation", () -> s.providers().layers().createInline(s.getString("activation")));
            Initializer init = named(s, "init", () -> s.providers().initializers().createInline(s.getString("init")));
            return new Dense(s.getInt("units"), activation, s.getBoolean("bias")).init(init);
        }

        /** Resolves a name held by {@code setting}, so that an unknown or ill-set one is reported at that setting. */
        private static <T> T named(Settings s, String setting, Supplier<T> resolve) {
            try {
                return resolve.get();
            } catch (IllegalArgumentException e) {
                throw InvalidSettingException.naming(s.owner(), setting, e);
            }
        }
    }

    /** {@code leaky_relu}, with its slope. */
    public static final class LeakyReluProvider implements LayerProvider {
        public String name() { return "leaky_relu"; }
        public String description() { return "leaky ReLU: y = x > 0 ? x : negative_slope * x"; }
        public List<Setting> settings() { return List.of(Setting.number("negative_slope", 0.01, "slope below zero")); }
        public Layer create(Settings s) { return new LeakyRelu(s.getDouble("negative_slope")); }
    }

    /** {@code dropout}, with its rate. */
    public static final class DropoutProvider implements LayerProvider {
        public String name() { return "dropout"; }
        public String description() { return "inverted dropout: in training, zero each value with probability p and scale the rest by 1/(1-p)"; }
        public List<Setting> settings() { return List.of(Setting.number("p", 0.5, "probability of dropping each value, in [0, 1)")); }
        public Layer create(Settings s) {
            s.require(s.getDouble("p") >= 0 && s.getDouble("p") < 1, "p", "in [0, 1)");
            return new Dropout(s.getDouble("p"));
        }
    }

    /** {@code batch_norm}: BatchNorm1d. */
    public static final class BatchNormProvider implements LayerProvider {
        public String name() { return "batch_norm"; }
        public String description() { return "batch normalization (BatchNorm1d): each feature to mean 0, variance 1 over the batch, then scaled and shifted"; }
        public List<Setting> settings() {
            return List.of(Setting.number("momentum", 0.1, "weight of each batch in the running statistics"),
                    Setting.number("eps", 1e-5, "added to the variance"), Setting.flag("affine", true, "learn a scale and a shift"));
        }
        public Layer create(Settings s) {
            s.require(s.getDouble("momentum") >= 0 && s.getDouble("momentum") <= 1, "momentum", "in [0, 1]");
            s.require(s.getDouble("eps") > 0, "eps", "greater than 0");
            return new BatchNorm(s.getDouble("momentum"), s.getDouble("eps"), s.getBoolean("affine"));
        }
    }

    /** {@code elu}, with its alpha. */
    public static final class EluProvider implements LayerProvider {
        public String name() { return "elu"; }
        public String description() { return "exponential linear unit: y = x > 0 ? x : alpha (e^x - 1)"; }
        public List<Setting> settings() { return List.of(Setting.number("alpha", 1.0, "value approached for large negative inputs")); }
        public Layer create(Settings s) { return new Elu(s.getDouble("alpha")); }
    }

    /** {@code gelu}: exact, or the tanh approximation. */
    public static final class GeluProvider implements LayerProvider {
        public String name() { return "gelu"; }
        public String description() { return "Gaussian error linear unit: y = x Phi(x)"; }
        public List<Setting> settings() { return List.of(Setting.text("approximate", "none", "none (exact, with erf) or tanh")); }
        public Layer create(Settings s) {
            String form = s.getString("approximate");
            s.require(form.equals("none") || form.equals("tanh"), "approximate", "none or tanh");
            return new Gelu(form);
        }
    }

    /** {@code softplus}, with beta and threshold. */
    public static final class SoftplusProvider implements LayerProvider {
        public String name() { return "softplus"; }
        public String description() { return "smooth ReLU: y = log(1 + e^(beta x)) / beta"; }
        public List<Setting> settings() {
            return List.of(Setting.number("beta", 1.0, "sharpness"), Setting.number("threshold", 20.0, "above beta x = threshold, y = x"));
        }
        public Layer create(Settings s) {
            s.require(s.getDouble("beta") > 0, "beta", "greater than 0");
            return new Softplus(s.getDouble("beta"), s.getDouble("threshold"));
        }
    }

    /** A provider for a layer without settings. */
    private abstract static class Simple implements LayerProvider {
        private final String name;
        private final String description;
        private final Supplier<Layer> factory;

        Simple(String name, String description, Supplier<Layer> factory) {
            this.name = name;
            this.description = description;
            this.factory = factory;
        }

        public String name() { return name; }
        public String description() { return description; }
        public List<Setting> settings() { return List.of(); }
        public Layer create(Settings s) { return factory.get(); }
    }

    public static final class IdentityProvider extends Simple {
        public IdentityProvider() { super("identity", "y = x (no activation)", Identity::new); }
    }

    public static final class ReluProvider extends Simple {
        public ReluProvider() { super("relu", "rectified linear unit: y = max(0, x)", Relu::new); }
    }

    public static final class SigmoidProvider extends Simple {
        public SigmoidProvider() { super("sigmoid", "logistic: y = 1 / (1 + e^-x)", Sigmoid::new); }
    }

    public static final class TanhProvider extends Simple {
        public TanhProvider() { super("tanh", "hyperbolic tangent", Tanh::new); }
    }

    public static final class SoftmaxProvider extends Simple {
        public SoftmaxProvider() { super("softmax", "probabilities over each sample's values", Softmax::new); }
    }

    public static final class FlattenProvider extends Simple {
        public FlattenProvider() { super("flatten", "each sample to one dimension", Flatten::new); }
    }
}
