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
