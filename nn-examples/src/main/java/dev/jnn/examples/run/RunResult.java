package dev.jnn.examples.run;

import dev.jnn.api.Model;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.History;
import dev.jnn.core.train.LayerNorms;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A finished run: what ran (label, seed, the bound run file, the data, the model) and what it measured.
 *
 * @param layers  per epoch, the per-layer gradient and weight norms
 * @param trained the trained model itself, to save
 * @param saveWith what its model file records besides the model: the loss, and how the data's rows
 *                 were prepared (a CSV's columns, classes and standardization) so that predict does the same
 * @param keptEpoch the epoch whose weights {@code trained} holds: the last, or the best one early stopping restored
 */
public record RunResult(String label, long seed, RunSpec spec, String data, String model, History history,
                        List<List<LayerNorms>> layers, Model trained, java.util.Map<String, String> saveWith, int keptEpoch) {

    /** Epochs run, and the one kept when that is another: {@code "12"}, or {@code "12, kept 7"}. */
    public String epochsNote() {
        int ran = history.last().epoch();
        boolean stoppedEarly = ran < spec.epochs();
        return ran + (stoppedEarly ? " of " + spec.epochs() : "") + (keptEpoch != ran ? ", kept " + keptEpoch : "");
    }

    /** The results grouped by variant label (the seeds of one variant together), in order of first appearance. */
    public static Map<String, List<RunResult>> byLabel(List<RunResult> results) {
        Map<String, List<RunResult>> groups = new LinkedHashMap<>();
        results.forEach(r -> groups.computeIfAbsent(r.label(), k -> new ArrayList<>()).add(r));
        return groups;
    }

    public EpochMetrics last() {
        return history.last();
    }

    /** The best held-out accuracy of any epoch; NaN where the loss has no accuracy. */
    public double bestAccuracy() {
        return history.epochs().stream().mapToDouble(EpochMetrics::validationAccuracy).max().orElse(Double.NaN);
    }

    /** The first epoch whose held-out accuracy reached {@code target}, if any did. */
    public OptionalInt epochReaching(double target) {
        return history.epochs().stream().filter(e -> e.validationAccuracy() >= target).mapToInt(EpochMetrics::epoch).findFirst();
    }

    /** Training time of all epochs, evaluation excluded. */
    public double seconds() {
        return history.epochs().stream().mapToDouble(EpochMetrics::seconds).sum();
    }

    /** Training samples per second over all epochs. */
    public double samplesPerSecond() {
        return history.epochs().stream().mapToDouble(e -> e.samplesPerSecond() * e.seconds()).sum() / seconds();
    }
}
