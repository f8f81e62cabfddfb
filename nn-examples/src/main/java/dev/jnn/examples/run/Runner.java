package dev.jnn.examples.run;

import dev.jnn.api.data.DataSplit;
import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.core.config.RunSpec;
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

    /**
     * Loads the data a run names through its data source, from memory when an earlier run loaded the
     * same, and checks it against the run's model and loss, so that a mismatch stops a run before it trains.
     */
    public DataSplit data(RunSpec spec) {
        String key = spec.seed() + " " + spec.base() + " " + spec.data().value();
        DataSplit split = data.computeIfAbsent(key, k -> spec.loadData());
        spec.checkAgainst(split, spec.newModel(split.train().sampleShape()));
        return split;
    }

    /** Trains one run to the end; {@code listeners} see its events too. */
    public RunResult run(String label, RunSpec spec, List<TrainingListener> listeners) {
        DataSplit split = data(spec);
        Model model = spec.newModel(split.train().sampleShape());
        Loss loss = spec.newLoss();
        LayerNormRecorder norms = new LayerNormRecorder();
        Trainer.Builder trainer = spec.trainer(model, loss).listener(norms);
        listeners.forEach(trainer::listener);
        History history = trainer.build().fit(split.train(), split.test());
        return new RunResult(label, spec.seed(), spec, split.description(), model.toString(), history, norms.epochs(), model);
    }
}
