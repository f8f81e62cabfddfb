package dev.jnn.spark;

import dev.jnn.core.Engine;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.TrainingDivergedException;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import dev.jnn.examples.run.Variants;
import java.io.Serializable;
import java.util.List;

/**
 * One (variant, seed) of a comparison as a Spark task: the bound run file travels with it, and the
 * executor builds the data, model and optimizer from it exactly as a local run does, so the numbers
 * are the same bit for bit. Relative data paths are the run file's folder on the driver: on a real
 * cluster, a folder every machine sees (or a built-in or downloaded data set).
 */
final class SweepTask implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String label;
    private final long seed;
    private final RunBlueprint run;

    private SweepTask(String label, long seed, RunBlueprint run) {
        this.label = label;
        this.seed = seed;
        this.run = run;
    }

    /** @param threads the executor engine's threads per task (the numbers do not depend on it) */
    static SweepTask of(Variants.Variant variant, int threads) {
        return new SweepTask(variant.label(), variant.seed(), RunBlueprint.of(variant.spec(), threads));
    }

    /**
     * Trains the run on this executor. A run that diverges comes back as a failure, as in a local
     * comparison (training it again would diverge again); anything else thrown (a data file that
     * cannot be read here, a lost executor) fails the task, which Spark retries.
     */
    RunOutcome run() {
        try (Engine engine = run.newEngine()) {
            RunSpec spec = run.bind(engine);
            RunResult result;
            try {
                result = new Runner().run(label, spec, List.of());
            } catch (TrainingDivergedException e) {
                return RunOutcome.failed(e.getMessage());
            }
            return RunOutcome.of(result);
        }
    }
}
