package dev.jnn.spark;

import dev.jnn.core.config.RunSpec;
import dev.jnn.core.io.ModelFile;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.History;
import dev.jnn.core.train.LayerNorms;
import dev.jnn.examples.run.RunResult;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * A run's result as it travels from an executor to the driver: every metric as the exact double, the
 * layer norms, and the trained model as the bytes of its model file (floats stored bit for bit).
 * Or, for a run that failed, why.
 */
final class RunOutcome implements Serializable {
    private static final long serialVersionUID = 1L;

    private String failure;
    private String data;
    private String model;
    private double[][] epochs;           // per epoch, the ten fields of EpochMetrics in order
    private LayerRow[][] layers;         // per epoch, per layer
    private byte[] modelFile;
    private LinkedHashMap<String, String> saveWith;
    private int keptEpoch;

    private record LayerRow(int layer, String type, double gradientNorm, double weightNorm) implements Serializable {
    }

    static RunOutcome failed(String why) {
        RunOutcome outcome = new RunOutcome();
        outcome.failure = why;
        return outcome;
    }

    /** Packs a finished run, saving its model to a temporary file and reading the bytes back. */
    static RunOutcome of(RunResult result) {
        RunOutcome outcome = new RunOutcome();
        outcome.data = result.data();
        outcome.model = result.model();
        outcome.epochs = result.history().epochs().stream().map(e -> new double[] {e.epoch(), e.trainLoss(), e.trainAccuracy(),
                e.validationLoss(), e.validationAccuracy(), e.seconds(), e.samplesPerSecond(), e.learningRate(), e.gradientNorm(),
                e.clippedFraction()}).toArray(double[][]::new);
        outcome.layers = result.layers().stream().map(epoch -> epoch.stream()
                .map(l -> new LayerRow(l.layer(), l.type(), l.gradientNorm(), l.weightNorm())).toArray(LayerRow[]::new))
                .toArray(LayerRow[][]::new);
        outcome.saveWith = new LinkedHashMap<>(result.saveWith());
        outcome.keptEpoch = result.keptEpoch();
        outcome.modelFile = throughFile(file -> {
            ModelFile.save(result.trained(), file, result.spec().engine(), result.saveWith());
            return Files.readAllBytes(file);
        });
        return outcome;
    }

    /** Why the run failed; null when it finished. */
    String failure() {
        return failure;
    }

    /** The run's result on the driver, its model loaded on {@code spec}'s engine. */
    RunResult toResult(String label, long seed, RunSpec spec) {
        List<EpochMetrics> history = new ArrayList<>();
        for (double[] e : epochs) {
            history.add(new EpochMetrics((int) e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[8], e[9]));
        }
        List<List<LayerNorms>> norms = new ArrayList<>();
        for (LayerRow[] epoch : layers) {
            List<LayerNorms> rows = new ArrayList<>();
            for (LayerRow l : epoch) {
                rows.add(new LayerNorms(l.layer(), l.type(), l.gradientNorm(), l.weightNorm()));
            }
            norms.add(rows);
        }
        var trained = throughFile(file -> {
            Files.write(file, modelFile);
            return ModelFile.load(file, spec.engine());
        });
        return new RunResult(label, seed, spec, data, model, new History(history), norms, trained, new LinkedHashMap<>(saveWith), keptEpoch);
    }

    private interface FileWork<T> {
        T apply(Path file) throws IOException;
    }

    private static <T> T throughFile(FileWork<T> work) {
        Path file = null;
        try {
            file = Files.createTempFile("jnn-run-", ".safetensors");
            return work.apply(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pass a trained model through a temporary file: " + e.getMessage(), e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    // a temporary file left in the temporary folder; the result is intact
                }
            }
        }
    }
}
