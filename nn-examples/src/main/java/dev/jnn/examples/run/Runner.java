package dev.jnn.examples.run;

import dev.jnn.api.Optimizer;
import dev.jnn.api.Schedule;
import dev.jnn.core.train.EarlyStopping;
import dev.jnn.core.train.Position;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import dev.jnn.api.data.DataSplit;
import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.GradientSource;
import dev.jnn.core.train.History;
import dev.jnn.core.train.LayerNormRecorder;
import dev.jnn.core.train.Trainer;
import dev.jnn.core.train.TrainingListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs bound run files: loads the data (once per distinct data section, folder and seed, shared
 * read-only by the runs of a comparison), builds the model on the run's engine from the run's seed,
 * trains, and records the per-layer norms. Safe to use from several threads.
 */
public final class Runner {
    private final Map<String, DataSplit> data = new ConcurrentHashMap<>();
    // Runs whose data was checked against their model and loss (by identity): the check builds a
    // model, which a comparison of many variants should not do again for every call.
    private final java.util.Set<RunSpec> checked = ConcurrentHashMap.newKeySet();
    // Where a run's gradients are computed: here by default, or on a cluster's partitions of its data.
    private final java.util.function.BiFunction<RunSpec, DataSplit, GradientSource> gradients;

    /** Runs that train in this process. */
    public Runner() {
        this((spec, split) -> GradientSource.local(split.train()));
    }

    /** Runs whose gradients {@code gradients} computes from the run and its data (a cluster's {@link Cluster#trainingData}). */
    public Runner(java.util.function.BiFunction<RunSpec, DataSplit, GradientSource> gradients) {
        this.gradients = gradients;
    }

    /**
     * Loads the data a run names through its data source, from memory when an earlier run loaded the
     * same, and checks it against the run's model and loss, so that a mismatch stops a run before it trains.
     */
    public DataSplit data(RunSpec spec) {
        String key = spec.seed() + " " + spec.base() + " " + spec.data().value();
        DataSplit split = data.computeIfAbsent(key, k -> spec.loadData());
        if (!checked.contains(spec)) {
            spec.checkAgainst(split, spec.newModel(split.train().sampleShape()));
            checked.add(spec);
        }
        return split;
    }

    /** Trains one run to the end; {@code listeners} see its events too. */
    public RunResult run(String label, RunSpec spec, List<TrainingListener> listeners) {
        DataSplit split = data(spec);
        Model model = spec.newModel(split.train().sampleShape());
        return run(label, spec, model, spec.newOptimizer(), spec.newSchedule(), spec.newEarlyStopping(), Position.after(0), () -> false,
                norms -> listeners);
    }

    /** What a run's model file records besides the model: {@code loss}, and {@code data} (the split's preprocessing, as JSON). */
    public static Map<String, String> modelMetadata(RunSpec spec, DataSplit split) {
        Map<String, String> metadata = new java.util.LinkedHashMap<>();
        metadata.put("loss", spec.lossType());
        if (!split.preprocessing().isEmpty()) {
            try {
                metadata.put("data", new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(split.preprocessing()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("cannot write the data's preprocessing as JSON", e);
            }
        }
        return metadata;
    }

    /**
     * Trains {@code model} with {@code optimizer} from {@code start} (a fresh model at epoch 0, or one
     * restored from a checkpoint), until the run's epochs or until {@code interrupt} answers true.
     *
     * @param listeners given the run's layer-norm recorder, the listeners that see the run's events
     *                  after it (a metrics log reads the recorder's epoch)
     */
    public RunResult run(String label, RunSpec spec, Model model, Optimizer optimizer, Schedule schedule, EarlyStopping stopping,
                         Position start, BooleanSupplier interrupt, Function<LayerNormRecorder, List<TrainingListener>> listeners) {
        DataSplit split = data(spec);
        LayerNormRecorder norms = new LayerNormRecorder();
        Trainer.Builder trainer = spec.trainer(model, spec.newLoss()).optimizer(optimizer).schedule(schedule).listener(norms)
                .resumeAt(start).interruptWhen(interrupt);
        if (stopping != null) {
            trainer.listener(stopping);                // before the others: a checkpoint at the end holds the kept weights
        }
        listeners.apply(norms).forEach(trainer::listener);
        History history = trainer.build().fit(gradients.apply(spec, split), split.test());
        int kept = history.epochs().isEmpty() ? 0 : stopping != null ? stopping.keptEpoch(history) : history.last().epoch();
        return new RunResult(label, spec.seed(), spec, split.description(), model.toString(), history, norms.epochs(), model,
                modelMetadata(spec, split), kept);
    }
}
