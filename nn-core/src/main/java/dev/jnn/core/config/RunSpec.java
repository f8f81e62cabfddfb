package dev.jnn.core.config;

import dev.jnn.api.Loss;
import dev.jnn.api.Schedule;
import dev.jnn.api.spi.ScheduleProvider;
import dev.jnn.api.data.DataContext;
import dev.jnn.api.data.DataSource;
import dev.jnn.api.data.DataSplit;
import dev.jnn.api.spi.Settings;
import dev.jnn.core.Engine;
import dev.jnn.core.train.EarlyStopping;
import java.nio.file.Path;
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
 * A run file bound to the providers of an {@link Engine}. Everything is checked when it is bound
 * (every layer, the loss, the optimizer and the data source are created once, and the training
 * settings converted), so a run never starts on a bad file. Every value goes through the one
 * conversion of settings ({@link dev.jnn.api.spi.SettingType}), so {@code units: 3.0} and
 * {@code epochs: 3.0} are read alike.
 *
 * <pre>
 * seed: 7
 * data: { name: spirals, samples: 2000 }          # a data source provider and its settings
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
    private static final List<Setting> TRAIN = List.of(
            Setting.integer("epochs", 10, "passes over the training data"),
            Setting.integer("batch", 32, "samples per step"),
            Setting.flag("shuffle", true, "visit the samples in a new seeded order each epoch"),
            Setting.integer("checkpoint_every", 0, "epochs between checkpoints (jnn train); 0 for one at the end only"),
            Setting.number("clip_norm", 0, "scale all gradients together when their L2 norm exceeds it (off when absent)"),
            Setting.number("clip_value", 0, "clamp each gradient element to [-clip_value, clip_value] (off when absent)"),
            Setting.map("early_stopping", Map.of(), "monitor (test_loss), patience (5), min_delta (0), restore_best (true)"),
            Setting.integer("averaging_every", 0, "with --spark: each partition trains its own copy for this many batches, then"
                    + " weights and optimizer state are averaged; 0 for synchronous gradients every step"));
    private static final List<Setting> EARLY_STOPPING = List.of(
            Setting.text("monitor", "test_loss", "the metric watched: " + String.join(", ", EarlyStopping.MONITORS)),
            Setting.integer("patience", 5, "epochs without improvement before stopping"),
            Setting.number("min_delta", 0, "the least change that counts as an improvement"),
            Setting.flag("restore_best", true, "end with the best epoch's weights"));

    private final Engine engine;
    private final Path base;
    private final String source;
    private final Map<String, Object> tree;
    private final long seed;
    private final ConfigNode data;
    private final DataSource dataSource;
    private final String modelType;
    private final List<LayerSpec> layers;
    private final String lossType;
    private final String optimizerType;
    private final Map<String, Object> optimizerSettings;
    private final ConfigNode scheduleNode;
    private final int epochs;
    private final int batch;
    private final boolean shuffle;
    private final int checkpointEvery;
    private final double clipNorm;
    private final int averagingEvery;
    private final double clipValue;
    private final Settings earlyStopping;

    private RunSpec(Engine engine, String source, Path base, Map<String, Object> tree) {
        this.engine = engine;
        this.base = base;
        this.source = source;
        this.tree = RunFiles.copy(tree);
        Providers providers = engine.providers();
        ConfigNode root = ConfigNode.root(this.tree, source).onlyKeys(TOP_KEYS);
        this.seed = root.get("seed").asLong(0);
        this.data = root.get("data").required("a mapping such as { name: spirals }");
        ConfigNode dataName = data.get("name").required("the name of a data source such as spirals");
        this.dataSource = bind(providers.dataSources(), dataName, "data", dataName.asString(), data.settingsExcept(Set.of("name")));

        ConfigNode model = root.get("model").required("a mapping with a list of layers")
                .onlyKeys(List.of("type", "defaults", "layers"));
        this.modelType = model.get("type").asString("sequential");
        bind(providers.models(), model.get("type"), "model", modelType, Map.of());
        this.layers = layers(model);

        ConfigNode loss = root.get("loss").required("a loss name such as softmax_cross_entropy");
        ConfigNode lossName = loss.isMap() ? loss.onlyKeys(List.of("type")).get("type").required("a loss name") : loss;
        this.lossType = lossName.asString();
        bind(providers.losses(), lossName, "loss", lossType, Map.of());

        ConfigNode optimizer = root.get("optimizer").required("an optimizer such as { type: adam, lr: 0.001 }");
        ConfigNode optimizerName = optimizer.isMap() ? optimizer.get("type").required("an optimizer name") : optimizer;
        this.optimizerType = optimizerName.asString();
        this.optimizerSettings = optimizer.isMap() ? optimizer.settingsExcept(Set.of("type", "schedule")) : Map.of();
        this.scheduleNode = optimizer.isMap() ? optimizer.get("schedule") : new ConfigNode(null, source, "optimizer.schedule");
        newSchedule();                                   // a bad schedule fails now, at its key
        bind(providers.optimizers(), optimizerName, "optimizer", optimizerType, optimizerSettings);

        ConfigNode trainNode = root.get("train");
        if (trainNode.isMap()) {                      // "none" turns clipping off: what --vary train.clip_norm=1.0,none needs
            trainNode.map().entrySet().removeIf(e -> e.getKey().startsWith("clip_") && "none".equals(e.getValue()));
        }
        Settings train = bind(trainNode, () -> Settings.check("train", TRAIN, trainNode.settingsExcept(Set.of()), null));
        this.epochs = train.getInt("epochs");
        this.batch = train.getInt("batch");
        this.shuffle = train.getBoolean("shuffle");
        this.checkpointEvery = train.getInt("checkpoint_every");
        this.averagingEvery = train.getInt("averaging_every");
        if (averagingEvery < 0) {
            throw trainNode.get("averaging_every").fail("expected a whole number of at least 0 (0: synchronous gradients), got "
                    + averagingEvery);
        }
        for (String key : List.of("clip_norm", "clip_value")) {
            double v = train.getDouble(key);
            if (trainNode.get(key).isPresent() && !(v > 0 && Double.isFinite(v))) {
                throw trainNode.get(key).fail("expected a finite number greater than 0, got " + v);
            }
        }
        this.clipNorm = train.getDouble("clip_norm");
        this.clipValue = train.getDouble("clip_value");
        ConfigNode stopping = trainNode.get("early_stopping");
        this.earlyStopping = stopping.isPresent() ? bind(stopping, () -> {
            Settings es = Settings.check("train.early_stopping", EARLY_STOPPING, stopping.map(), null);
            es.require(es.getInt("patience") >= 0, "patience", "at least 0");
            es.require(es.getDouble("min_delta") >= 0, "min_delta", "at least 0");
            es.require(EarlyStopping.MONITORS.contains(es.getString("monitor")), "monitor", "one of " + EarlyStopping.MONITORS);
            return es;
        }) : null;
        if (checkpointEvery < 0) {
            throw trainNode.get("checkpoint_every").fail("expected a whole number of at least 0 (0: a checkpoint at the end only), got "
                    + checkpointEvery);
        }
        for (String key : List.of("epochs", "batch")) {
            if (train.getInt(key) < 1) {
                throw trainNode.get(key).fail("expected a whole number of at least 1, got " + train.getInt(key));
            }
        }
    }

    /** {@code model.layers}, each with {@code model.defaults} filled in where its provider takes them. */
    private List<LayerSpec> layers(ConfigNode model) {
        ConfigNode defaults = model.get("defaults");
        Map<String, Object> shared = defaults.isPresent() ? defaults.map() : Map.of();
        List<ConfigNode> entries = model.get("layers").required("a list of layers").list();
        if (entries.isEmpty()) {
            throw model.get("layers").fail("expected at least one layer");
        }
        Registry<LayerProvider> registry = engine.providers().layers();
        List<LayerSpec> specs = new ArrayList<>();
        for (ConfigNode entry : entries) {
            specs.add(layer(registry, entry, shared));
        }
        return specs;
    }

    /**
     * Checks and binds a parsed run file to {@code engine}'s providers.
     *
     * @param source the file name, for messages
     * @param base   the folder relative data paths are taken from (the run file's)
     * @throws ConfigException naming the file, the key path, the value and what was expected
     */
    public static RunSpec bind(Engine engine, Map<String, Object> tree, String source, Path base) {
        return new RunSpec(engine, source, base.toAbsolutePath(), tree);
    }

    /** Binds to the shared engine, relative paths taken from the working directory. */
    public static RunSpec bind(Map<String, Object> tree, String source) {
        return bind(Engine.shared(), tree, source, Path.of(""));
    }

    /**
     * Reads, overrides ({@code key.path=value}, in order, as given by {@code --set}) and binds a run file;
     * relative paths are the file's. A fault at a key an override set is blamed on that override.
     */
    public static RunSpec load(Engine engine, Path file, List<String> overrides) {
        Map<String, Object> tree = RunFiles.read(file);
        Map<String, String> setBy = new LinkedHashMap<>();
        for (String o : overrides) {
            RunFiles.override(tree, o, "--set " + o);
            setBy.put(o.substring(0, o.indexOf('=')).trim(), "--set " + o);
        }
        return bind(engine, tree, file.toString(), file.toAbsolutePath().getParent(), setBy);
    }

    /**
     * {@link #bind(Engine, Map, String, Path)}, where {@code setBy} maps key paths the command line set
     * to the option that set them ({@code optimizer.lr -> "--set optimizer.lr=0.1"}): a fault at such a
     * key, or inside it, names the option rather than the file, which does not hold that value.
     */
    public static RunSpec bind(Engine engine, Map<String, Object> tree, String source, Path base, Map<String, String> setBy) {
        try {
            return bind(engine, tree, source, base);
        } catch (ConfigException e) {
            for (Map.Entry<String, String> set : setBy.entrySet()) {
                String key = set.getKey();
                if (e.path().equals(key) || e.path().startsWith(key + ".") || e.path().startsWith(key + "[")) {
                    throw e.blaming(set.getValue());
                }
            }
            throw e;
        }
    }

    /** {@link #load(Engine, Path, List)} on the shared engine. */
    public static RunSpec load(Path file, List<String> overrides) {
        return load(Engine.shared(), file, overrides);
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
    private <P extends Provider<?>, T> T bind(Registry<P> registry, ConfigNode nameNode, String ownerPath, String name,
                                              Map<String, Object> settings) {
        find(registry, nameNode, name);
        return bind(new ConfigNode(null, source, ownerPath), () -> registry.create(name, settings));
    }

    private <P extends Provider<?>> P find(Registry<P> registry, ConfigNode at, String name) {
        try {
            return registry.find(name);
        } catch (UnknownProviderException e) {
            throw at.fail(e.getMessage());
        }
    }

    private <T> T bind(ConfigNode owner, Supplier<T> create) {
        try {
            return create.get();
        } catch (UnknownProviderException e) {
            throw owner.fail(e.getMessage());
        } catch (InvalidSettingException e) {
            throw new ConfigException(source, e.setting() == null ? owner.path() : owner.path() + "." + e.setting(),
                    e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw owner.fail(e.getMessage());
        }
    }

    /** A new model built on this run's engine: the same seed gives the same initial weights. */
    public Model newModel(int[] inputShape) {
        Model model = engine.providers().model(modelType);
        for (LayerSpec spec : layers) {
            model.add(spec.create(engine.providers()));
        }
        try {
            model.build(inputShape, engine.context(seed));
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, "model.layers", e.getMessage(), e);
        }
        return model;
    }

    public Loss newLoss() {
        return engine.providers().loss(lossType);
    }

    public Optimizer newOptimizer() {
        return engine.providers().optimizer(optimizerType, optimizerSettings);
    }

    /**
     * Loads the run's data through its data source, with this run's seed and the run file's folder;
     * downloads are kept in {@code cache}.
     */
    public DataSplit loadData(Path cache) {
        return dataSource.load(new DataContext(seed, base, cache));
    }

    /** {@link #loadData(Path)} with the default cache ({@code $JNN_DATA} or {@code ~/.jnn/datasets}). */
    public DataSplit loadData() {
        return loadData(DataContext.defaultCache());
    }

    /**
     * Checks that the data, the model's output and the loss agree before anything trains: the
     * targets' classes fit the output units of a classification loss, regression targets do not meet
     * a classification loss, and so on ({@link Loss#checkTargets}).
     *
     * @throws ConfigException at {@code loss}, saying what the data holds and what would fit it
     */
    public void checkAgainst(DataSplit data, Model model) {
        int outputs = 1;
        for (int d : model.outputShape()) {
            outputs *= d;
        }
        try {
            Loss loss = newLoss();
            loss.checkTargets(data.train().targets(), outputs);
            loss.checkTargets(data.test().targets(), outputs);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(source, "loss", e.getMessage() + " (data: " + data.description() + "; model.layers["
                    + (layers.size() - 1) + "] has " + outputs + " outputs)", e);
        }
        Schedule schedule = newSchedule();
        if (schedule != null) {
            long steps = (long) epochs * ((data.train().size() + batch - 1) / batch);
            try {
                schedule.checkRun(steps);
            } catch (IllegalArgumentException e) {
                throw scheduleNode.fail(e.getMessage());
            }
        }
    }

    /** The engine the run is bound to. */
    public Engine engine() {
        return engine;
    }

    /** The folder relative data paths are taken from. */
    public Path base() {
        return base;
    }

    /**
     * A trainer for {@code model} with this run's loss, a fresh optimizer, epochs, batch size, seed and
     * gradient clipping. Early stopping is a listener of the caller's ({@link #newEarlyStopping}).
     */
    public Trainer.Builder trainer(Model model, Loss loss) {
        Trainer.Builder builder = Trainer.builder().model(model).loss(loss).optimizer(newOptimizer()).epochs(epochs).batchSize(batch)
                .seed(seed).shuffle(shuffle).schedule(newSchedule());
        if (clipNorm > 0) {
            builder.clipNorm(clipNorm);
        }
        if (clipValue > 0) {
            builder.clipValue(clipValue);
        }
        return builder;
    }

    /**
     * The run's learning-rate schedule ({@code optimizer.schedule}: a name with settings inline, such as
     * {@code "cosine(t_max=20)"}, or a mapping with a {@code type}), new; null when it has none.
     */
    @SuppressWarnings("unchecked")
    public Schedule newSchedule() {
        if (!scheduleNode.isPresent()) {
            return null;
        }
        Registry<ScheduleProvider> schedules = engine.providers().schedules();
        if (!scheduleNode.isMap()) {
            String spec = scheduleNode.asString();
            find(schedules, scheduleNode, spec.contains("(") ? spec.substring(0, spec.indexOf('(')).trim() : spec.trim());
            return bind(scheduleNode, () -> schedules.createInline(spec));
        }
        ConfigNode type = scheduleNode.get("type").required("a schedule name such as cosine");
        Map<String, Object> settings = new LinkedHashMap<>();
        scheduleNode.settingsExcept(Set.of("type")).forEach((k, v) -> settings.put(k, v instanceof List<?> list
                ? String.join(";", list.stream().map(String::valueOf).toList()) : v));   // milestones: [30, 80]
        find(schedules, type, type.asString());
        return bind(scheduleNode, () -> schedules.create(type.asString(), settings));
    }

    /** The run's early stopping ({@code train.early_stopping}), or null when it has none. */
    public EarlyStopping newEarlyStopping() {
        return earlyStopping == null ? null : new EarlyStopping(earlyStopping.getString("monitor"), earlyStopping.getInt("patience"),
                earlyStopping.getDouble("min_delta"), earlyStopping.getBoolean("restore_best"));
    }

    public String source() {
        return source;
    }

    /** The run file's tree as bound (overrides applied): write it beside the results to reproduce a run. */
    public Map<String, Object> tree() {
        return RunFiles.copy(tree);
    }

    /**
     * {@link #tree()} with the data section's relative {@code path} and {@code dir} made absolute
     * (they are relative to this run file's folder), so that the tree saved anywhere runs the same data.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> portableTree() {
        Map<String, Object> copy = tree();
        if (copy.get("data") instanceof Map<?, ?> section) {
            Map<String, Object> data = (Map<String, Object>) section;
            for (String key : List.of("path", "dir")) {
                if (data.get(key) instanceof String p && !p.isEmpty() && !Path.of(p).isAbsolute()) {
                    data.put(key, base.resolve(p).normalize().toString());
                }
            }
        }
        return copy;
    }

    public long seed() {
        return seed;
    }

    /** The {@code data} section as written. */
    public ConfigNode data() {
        return data;
    }

    public List<LayerSpec> layers() {
        return List.copyOf(layers);
    }

    /** The loss's provider name. */
    public String lossType() {
        return lossType;
    }

    /** The optimizer's settings as the run file gives them (defaults not filled in). */
    public Map<String, Object> optimizerSettings() {
        return Map.copyOf(optimizerSettings);
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

    /** Epochs between checkpoints; 0 for a checkpoint at the end only. */
    /** {@code train.clip_norm}: 0 when off. */
    public double clipNorm() {
        return clipNorm;
    }

    /** {@code train.clip_value}: 0 when off. */
    public double clipValue() {
        return clipValue;
    }

    /** {@code train.averaging_every}: batches between parameter averages on a cluster; 0 for synchronous gradients. */
    public int averagingEvery() {
        return averagingEvery;
    }

    public int checkpointEvery() {
        return checkpointEvery;
    }
}
