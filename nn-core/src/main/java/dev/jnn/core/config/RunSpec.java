package dev.jnn.core.config;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Optimizer;
import dev.jnn.api.spi.InvalidSettingException;
import dev.jnn.api.spi.LayerProvider;
import dev.jnn.api.spi.Provider;
import dev.jnn.api.spi.Providers;
import dev.jnn.api.spi.Registry;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.UnknownProviderException;
import dev.jnn.core.train.Trainer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A run file bound to providers. Everything is checked when it is bound (every layer, the loss and
 * the optimizer are created once), so a run never starts on a bad file.
 *
 * <pre>
 * seed: 7
 * data: { name: spirals, samples: 2000 }          # read by the application
 * model:
 *   defaults: { activation: relu, init: he_normal }   # for every layer whose provider takes them
 *   layers:
 *     - { type: dense, units: 64 }
 *     - { type: dense, units: 3, activation: identity }
 * loss: softmax_cross_entropy
 * optimizer: { type: adam, lr: 0.001 }
 * train: { epochs: 20, batch: 32 }
 * </pre>
 */
public final class RunSpec {
    private static final List<String> TOP_KEYS = List.of("name", "seed", "data", "model", "loss", "optimizer", "train");

    private final String source;
    private final Map<String, Object> tree;
    private final long seed;
    private final ConfigNode data;
    private final String modelType;
    private final List<LayerSpec> layers;
    private final String lossType;
    private final String optimizerType;
    private final Map<String, Object> optimizerSettings;
    private final int epochs;
    private final int batch;
    private final boolean shuffle;

    private RunSpec(String source, Map<String, Object> tree) {
        this.source = source;
        this.tree = RunFiles.copy(tree);
        ConfigNode root = ConfigNode.root(this.tree, source).onlyKeys(TOP_KEYS);
        this.seed = root.get("seed").asLong(0);
        this.data = root.get("data").required("a mapping such as { name: spirals }");
        data.get("name").required("the name of a dataset");

        ConfigNode model = root.get("model").required("a mapping with a list of layers")
                .onlyKeys(List.of("type", "defaults", "layers"));
        this.modelType = model.get("type").asString("sequential");
        bind(Providers.models(), model.get("type"), "model", modelType, Map.of());
        this.layers = layers(model);

        ConfigNode loss = root.get("loss").required("a loss name such as softmax_cross_entropy");
        ConfigNode lossName = loss.isMap() ? loss.onlyKeys(List.of("type")).get("type").required("a loss name") : loss;
        this.lossType = lossName.asString();
        bind(Providers.losses(), lossName, "loss", lossType, Map.of());

        ConfigNode optimizer = root.get("optimizer").required("an optimizer such as { type: adam, lr: 0.001 }");
        ConfigNode optimizerName = optimizer.isMap() ? optimizer.get("type").required("an optimizer name") : optimizer;
        this.optimizerType = optimizerName.asString();
        this.optimizerSettings = optimizer.isMap() ? optimizer.settingsExcept(Set.of("type")) : Map.of();
        bind(Providers.optimizers(), optimizerName, "optimizer", optimizerType, optimizerSettings);

        ConfigNode train = root.get("train").onlyKeys(List.of("epochs", "batch", "shuffle"));
        this.epochs = train.get("epochs").asInt(10, 1);
        this.batch = train.get("batch").asInt(32, 1);
        this.shuffle = train.get("shuffle").asBoolean(true);
    }

    /** {@code model.layers}, each with {@code model.defaults} filled in where its provider takes them. */
    private List<LayerSpec> layers(ConfigNode model) {
        ConfigNode defaults = model.get("defaults");
        Map<String, Object> shared = defaults.isPresent() ? defaults.map() : Map.of();
        List<ConfigNode> entries = model.get("layers").required("a list of layers").list();
        if (entries.isEmpty()) {
            throw model.get("layers").fail("expected at least one layer");
        }
        Registry<LayerProvider> registry = Providers.layers();
        List<LayerSpec> specs = new ArrayList<>();
        for (ConfigNode entry : entries) {
            specs.add(layer(registry, entry, shared));
        }
        return specs;
    }

    /**
     * Checks and binds a parsed run file.
     *
     * @param source the file name, for messages
     * @throws ConfigException naming the file, the key path, the value and what was expected
     */
    public static RunSpec bind(Map<String, Object> tree, String source) {
        return new RunSpec(source, tree);
    }

    /** Reads, overrides ({@code key.path=value}, in order) and binds a run file. */
    public static RunSpec load(java.nio.file.Path file, List<String> overrides) {
        Map<String, Object> tree = RunFiles.read(file);
        for (String o : overrides) {
            RunFiles.override(tree, o, file + " (override " + o + ")");
        }
        return bind(tree, file.toString());
    }

    private LayerSpec layer(Registry<LayerProvider> registry, ConfigNode entry, Map<String, Object> defaults) {
        ConfigNode typeNode = entry.get("type").required("a layer name such as dense");
        String type = typeNode.asString();
        Map<String, Object> settings = new LinkedHashMap<>();
        Provider<?> provider = find(registry, typeNode, type);
        for (Setting s : provider.settings()) {               // defaults only where the provider takes them
            if (defaults.containsKey(s.name())) {
                settings.put(s.name(), defaults.get(s.name()));
            }
        }
        settings.putAll(entry.settingsExcept(Set.of("type")));
        LayerSpec spec = new LayerSpec(type, settings);
        bind(entry, () -> registry.create(type, settings));
        return spec;
    }

    /**
     * Creates once through the registry, turning its errors into errors at the key that caused them:
     * the name's key for an unknown name, {@code ownerPath.setting} for a bad setting.
     */
    private <P extends Provider<?>> void bind(Registry<P> registry, ConfigNode nameNode, String ownerPath, String name,
                                              Map<String, Object> settings) {
        find(registry, nameNode, name);
        bind(new ConfigNode(null, source, ownerPath), () -> registry.create(name, settings));
    }

    private <P extends Provider<?>> P find(Registry<P> registry, ConfigNode at, String name) {
        try {
            return registry.find(name);
        } catch (UnknownProviderException e) {
            throw at.fail(e.getMessage());
        }
    }

    private void bind(ConfigNode owner, Supplier<?> create) {
        try {
            create.get();
        } catch (UnknownProviderException e) {
            throw owner.fail(e.getMessage());
        } catch (InvalidSettingException e) {
            throw new ConfigException(source, e.setting() == null ? owner.path() : owner.path() + "." + e.setting(),
                    e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw owner.fail(e.getMessage());
        }
    }

    /** A new, built model: the same seed gives the same initial weights. */
    public Model newModel(int[] inputShape) {
        Model model = Providers.model(modelType);
        for (LayerSpec spec : layers) {
            model.add(spec.create());
        }
        try {
            model.build(inputShape, seed);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, "model.layers", e.getMessage(), e);
        }
        return model;
    }

    public Loss newLoss() {
        return Providers.loss(lossType);
    }

    public Optimizer newOptimizer() {
        return Providers.optimizer(optimizerType, optimizerSettings);
    }

    /** A trainer for {@code model} with this run's loss, a fresh optimizer, epochs, batch size and seed. */
    public Trainer.Builder trainer(Model model, Loss loss) {
        return Trainer.builder().model(model).loss(loss).optimizer(newOptimizer()).epochs(epochs).batchSize(batch)
                .seed(seed).shuffle(shuffle);
    }

    public String source() {
        return source;
    }

    /** The run file's tree as bound (overrides applied): write it beside the results to reproduce a run. */
    public Map<String, Object> tree() {
        return RunFiles.copy(tree);
    }

    public long seed() {
        return seed;
    }

    /** The {@code data} section, for the application to read. */
    public ConfigNode data() {
        return data;
    }

    public List<LayerSpec> layers() {
        return List.copyOf(layers);
    }

    public String optimizerType() {
        return optimizerType;
    }

    public int epochs() {
        return epochs;
    }

    public int batch() {
        return batch;
    }
}
