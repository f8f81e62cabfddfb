package dev.jnn.api.spi;

import dev.jnn.api.Initializer;
import dev.jnn.api.Layer;
import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Optimizer;
import java.util.Map;

/**
 * The registries of the providers visible to the current thread's context class loader (the
 * classpath, in a plain application), and one-line factories over them:
 * {@code Providers.optimizer("adam", Map.of("lr", 0.01))}.
 *
 * <p>Each call loads afresh, so that jars added to a class loader later are seen; loading is cheap
 * and happens when a model is assembled, never while it trains.
 */
public final class Providers {
    private Providers() {
    }

    public static Registry<LayerProvider> layers() {
        return Registry.load(LayerProvider.class, "layer", loader());
    }

    public static Registry<LossProvider> losses() {
        return Registry.load(LossProvider.class, "loss", loader());
    }

    public static Registry<ModelProvider> models() {
        return Registry.load(ModelProvider.class, "model", loader());
    }

    public static Registry<OptimizerProvider> optimizers() {
        return Registry.load(OptimizerProvider.class, "optimizer", loader());
    }

    public static Registry<InitializerProvider> initializers() {
        return Registry.load(InitializerProvider.class, "initializer", loader());
    }

    public static Layer layer(String name, Map<String, ?> settings) {
        return layers().create(name, settings);
    }

    public static Loss loss(String name) {
        return losses().create(name, Map.of());
    }

    public static Model model(String name) {
        return models().create(name, Map.of());
    }

    public static Optimizer optimizer(String name, Map<String, ?> settings) {
        return optimizers().create(name, settings);
    }

    public static Initializer initializer(String name, Map<String, ?> settings) {
        return initializers().create(name, settings);
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : Providers.class.getClassLoader();
    }
}
