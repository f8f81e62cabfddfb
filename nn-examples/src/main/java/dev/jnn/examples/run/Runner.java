package dev.jnn.examples.run;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.History;
import dev.jnn.core.train.LayerNormRecorder;
import dev.jnn.core.train.Trainer;
import dev.jnn.core.train.TrainingListener;
import dev.jnn.examples.data.DataSources;
import dev.jnn.examples.data.DataSources.Split;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs bound run files: loads the data (once per distinct data section and seed, shared read-only by
 * the runs of a comparison), builds the model from the run's seed, trains, and records the per-layer
 * norms. Safe to use from several threads.
 */
public final class Runner {
    private final Path base;
    private final Map<String, Split> data = new ConcurrentHashMap<>();

    /** @param base the folder relative data paths are taken from (the run file's) */
    public Runner(Path base) {
        this.base = base;
    }

    /** Loads the data a run names, from the cache when an earlier run loaded the same. */
    public Split data(RunSpec spec) {
        String key = spec.seed() + " " + spec.data().value();
        return data.computeIfAbsent(key, k -> DataSources.load(spec.data(), spec.seed(), base));
    }

    /** Trains one run to the end; {@code listeners} see its events too. */
    public RunResult run(String label, RunSpec spec, List<TrainingListener> listeners) {
        Split split = data(spec);
        Model model = spec.newModel(split.train().sampleShape());
        Loss loss = spec.newLoss();
        LayerNormRecorder norms = new LayerNormRecorder();
        Trainer.Builder trainer = spec.trainer(model, loss).listener(norms);
        listeners.forEach(trainer::listener);
        History history = trainer.build().fit(split.train(), split.test());
        return new RunResult(label, spec.seed(), spec, split.description(), model.toString(), history, norms.epochs());
    }
}
