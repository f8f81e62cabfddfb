package dev.jnn.api.spi;

import dev.jnn.api.Initializer;
import dev.jnn.api.Layer;
import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Optimizer;
import dev.jnn.api.data.DataSource;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The providers visible to one class loader, by kind, with one-line factories over them:
 * {@code providers.optimizer("adam", Map.of("lr", 0.01))}.
 *
 * <p>An engine owns one set, loaded from the class loader it was given (by default the one that
 * loaded jnn, which is the classpath in a plain application; a plugin host passes its own), so
 * which providers a model sees never depends on the thread that builds it or on that thread's
 * context class loader. Each kind's registry is loaded once, on first use. Thread-safe.
 */
public final class Providers {
    private final ClassLoader loader;
    private final Map<Class<?>, Registry<?>> registries = new ConcurrentHashMap<>();

    private Providers(ClassLoader loader) {
        this.loader = Objects.requireNonNull(loader, "providers: class loader");
    }

    /** The providers that {@code loader} sees through {@link java.util.ServiceLoader}. */
    public static Providers load(ClassLoader loader) {
        return new Providers(loader);
    }

    /** The class loader the providers come from. */
    public ClassLoader classLoader() {
        return loader;
    }

    /**
     * The registry of one provider type, loaded on first use.
     *
     * @param kind what the providers make, for messages: "optimizer"
     * @throws DuplicateProviderException if two providers share a name
     */
    @SuppressWarnings("unchecked")
    public <P extends Provider<?>> Registry<P> registry(Class<P> type, String kind) {
        return (Registry<P>) registries.computeIfAbsent(type, t -> Registry.load(type, kind, loader, this));
    }

    public Registry<LayerProvider> layers() {
        return registry(LayerProvider.class, "layer");
    }

    public Registry<LossProvider> losses() {
        return registry(LossProvider.class, "loss");
    }

    public Registry<ModelProvider> models() {
        return registry(ModelProvider.class, "model");
    }

    public Registry<OptimizerProvider> optimizers() {
        return registry(OptimizerProvider.class, "optimizer");
    }

    public Registry<InitializerProvider> initializers() {
        return registry(InitializerProvider.class, "initializer");
    }

    public Registry<ScheduleProvider> schedules() {
        return registry(ScheduleProvider.class, "schedule");
    }

    public Registry<ObjectiveProvider> objectives() {
        return registry(ObjectiveProvider.class, "function");
    }

    public Registry<DataSourceProvider> dataSources() {
        return registry(DataSourceProvider.class, "data source");
    }

    public Layer layer(String name, Map<String, ?> settings) {
        return layers().create(name, settings);
    }

    public Loss loss(String name) {
        return losses().create(name, Map.of());
    }

    public Model model(String name) {
        return models().create(name, Map.of());
    }

    public Optimizer optimizer(String name, Map<String, ?> settings) {
        return optimizers().create(name, settings);
    }

    public Initializer initializer(String name, Map<String, ?> settings) {
        return initializers().create(name, settings);
    }

    public DataSource dataSource(String name, Map<String, ?> settings) {
        return dataSources().create(name, settings);
    }
}
