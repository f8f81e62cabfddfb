package dev.jnn.examples.report;

import dev.jnn.core.io.ModelFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.LayerNorms;
import dev.jnn.examples.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The raw metrics of a comparison: {@code metrics.csv} (one row per run and epoch),
 * {@code layers.csv} (one row per run, epoch and layer), {@code metrics.jsonl} (one JSON object per run
 * and epoch, layers nested), {@code runs/NN-label.yaml}, each run's resolved run file, and
 * {@code runs/NN-label.safetensors}, each run's trained model.
 */
public final class MetricsFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MetricsFiles() {
    }

    static final String METRICS_HEADER = "variant,seed,epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds,samples_per_second,"
            + "learning_rate,gradient_norm,clipped_fraction\n";
    static final String LAYERS_HEADER = "variant,seed,epoch,layer,type,gradient_norm,weight_norm\n";

    public static void write(List<RunResult> results, Path dir) throws IOException {
        StringBuilder csv = new StringBuilder(METRICS_HEADER);
        StringBuilder layers = new StringBuilder(LAYERS_HEADER);
        StringBuilder jsonl = new StringBuilder();
        Files.createDirectories(dir.resolve("runs"));
        for (int r = 0; r < results.size(); r++) {
            RunResult result = results.get(r);
            for (EpochMetrics e : result.history().epochs()) {
                List<LayerNorms> norms = result.layers().get(e.epoch() - 1);
                csv.append(metricsRow(result.label(), result.seed(), e));
                layers.append(layerRows(result.label(), result.seed(), e.epoch(), norms));
                jsonl.append(jsonRow(result.label(), result.seed(), e, norms));
            }
            String name = String.format("%02d-%s", r + 1, fileName(result.label())
                    + (results.stream().filter(x -> x.label().equals(result.label())).count() > 1 ? "-seed" + result.seed() : ""));
            RunFiles.write(result.spec().portableTree(), dir.resolve("runs").resolve(name + ".yaml"));
            ModelFile.save(result.trained(), dir.resolve("runs").resolve(name + ".safetensors"), result.spec().engine(),
                    result.saveWith());
        }
        Files.writeString(dir.resolve("metrics.csv"), csv);
        Files.writeString(dir.resolve("layers.csv"), layers);
        Files.writeString(dir.resolve("metrics.jsonl"), jsonl);
    }

    /** A label as part of a file name: safe characters only, and short enough for any file system (a hash keeps it unique). */
    static String fileName(String label) {
        String safe = label.replaceAll("[^A-Za-z0-9._=-]+", "_");
        return safe.length() <= 80 ? safe : safe.substring(0, 70) + "-" + Integer.toHexString(label.hashCode());
    }

    /** One epoch's row of {@code metrics.csv}. */
    public static String metricsRow(String label, long seed, EpochMetrics e) {
        return String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%s,%s,%.4f,%.1f,%s,%s,%s%n", quote(label), seed, e.epoch(),
                num(e.trainLoss()), num(e.trainAccuracy()), num(e.validationLoss()), num(e.validationAccuracy()),
                e.seconds(), e.samplesPerSecond(), num(e.learningRate()), num(e.gradientNorm()), num(e.clippedFraction()));
    }

    /** One epoch's rows of {@code layers.csv}. */
    public static String layerRows(String label, long seed, int epoch, List<LayerNorms> norms) {
        StringBuilder rows = new StringBuilder();
        for (LayerNorms n : norms) {
            rows.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%s,%s,%s%n", quote(label), seed, epoch,
                    n.layer(), n.type(), num(n.gradientNorm()), num(n.weightNorm())));
        }
        return rows.toString();
    }

    /** One epoch's line of {@code metrics.jsonl}. */
    public static String jsonRow(String label, long seed, EpochMetrics e, List<LayerNorms> norms) throws IOException {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("variant", label);
        row.put("seed", seed);
        row.put("epoch", e.epoch());
        row.put("train_loss", finite(e.trainLoss()));
        row.put("train_accuracy", finite(e.trainAccuracy()));
        row.put("test_loss", finite(e.validationLoss()));
        row.put("test_accuracy", finite(e.validationAccuracy()));
        row.put("seconds", e.seconds());
        row.put("samples_per_second", e.samplesPerSecond());
        row.put("learning_rate", finite(e.learningRate()));
        row.put("gradient_norm", finite(e.gradientNorm()));
        row.put("clipped_fraction", e.clippedFraction());
        row.put("layers", norms.stream().map(n -> Map.of("layer", n.layer(), "type", n.type(),
                "gradient_norm", n.gradientNorm(), "weight_norm", n.weightNorm())).toList());
        return JSON.writeValueAsString(row) + "\n";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.6g", v);
    }

    private static Object finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
