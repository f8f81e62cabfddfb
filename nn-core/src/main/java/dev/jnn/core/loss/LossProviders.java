package dev.jnn.core.loss;

import dev.jnn.api.Loss;
import dev.jnn.api.spi.LossProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.util.List;

/** The built-in losses by name, listed in {@code META-INF/services/dev.jnn.api.spi.LossProvider}. */
public final class LossProviders {
    private LossProviders() {
    }

    public static final class MseProvider implements LossProvider {
        public String name() { return "mse"; }
        public String description() { return "mean squared error, for regression"; }
        public List<Setting> settings() { return List.of(); }
        public Loss create(Settings s) { return new MeanSquaredError(); }
    }

    public static final class HuberProvider implements LossProvider {
        public String name() { return "huber"; }
        public String description() { return "Huber loss: squared below delta, linear above, for regression with outliers"; }
        public List<Setting> settings() { return List.of(Setting.number("delta", 1.0, "where the loss turns from squared to linear")); }
        public Loss create(Settings s) {
            s.require(s.getDouble("delta") > 0, "delta", "greater than 0");
            return new HuberLoss(s.getDouble("delta"));
        }
    }

    public static final class L1Provider implements LossProvider {
        public String name() { return "l1"; }
        public String description() { return "mean absolute error, for regression"; }
        public List<Setting> settings() { return List.of(); }
        public Loss create(Settings s) { return new L1Loss(); }
    }

    public static final class SoftmaxCrossEntropyProvider implements LossProvider {
        public String name() { return "softmax_cross_entropy"; }
        public String description() { return "softmax + cross-entropy from logits, for one-of-C classification"; }
        public List<Setting> settings() { return List.of(); }
        public Loss create(Settings s) { return new SoftmaxCrossEntropy(); }
    }

    public static final class BinaryCrossEntropyProvider implements LossProvider {
        public String name() { return "binary_cross_entropy"; }
        public String description() { return "sigmoid + binary cross-entropy from logits, for yes/no outputs"; }
        public List<Setting> settings() { return List.of(); }
        public Loss create(Settings s) { return new BinaryCrossEntropy(); }
    }
}
