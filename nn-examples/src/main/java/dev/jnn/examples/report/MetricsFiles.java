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

    public static void write(List<RunResult> results, Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("variant,seed,epoch,train_loss,train_accuracy,test_loss,test_accuracy,seconds,samples_per_second\n");
        StringBuilder layers = new StringBuilder("variant,seed,epoch,layer,type,gradient_norm,weight_norm\n");
        StringBuilder jsonl = new StringBuilder();
        Files.createDirectories(dir.resolve("runs"));
        for (int r = 0; r < results.size(); r++) {
            RunResult result = results.get(r);
            String label = quote(result.label());
            for (EpochMetrics e : result.history().epochs()) {
                csv.append(String.format(Locale.ROOT, "%s,%d,%d,%s,%s,%s,%s,%.4f,%.1f%n", label, result.seed(), e.epoch(),
                        num(e.trainLoss()), num(e.trainAccuracy()), num(e.validationLoss()), num(e.validationAccuracy()),
                        e.seconds(), e.samplesPerSecond()));
                List<LayerNorms> norms = result.layers().get(e.epoch() - 1);
                for (LayerNorms n : norms) {
                    layers.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%s,%s,%s%n", label, result.seed(), e.epoch(),
                            n.layer(), n.type(), num(n.gradientNorm()), num(n.weightNorm())));
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("variant", result.label());
                row.put("seed", result.seed());
                row.put("epoch", e.epoch());
                row.put("train_loss", finite(e.trainLoss()));
                row.put("train_accuracy", finite(e.trainAccuracy()));
                row.put("test_loss", finite(e.validationLoss()));
                row.put("test_accuracy", finite(e.validationAccuracy()));
                row.put("seconds", e.seconds());
                row.put("samples_per_second", e.samplesPerSecond());
                row.put("layers", norms.stream().map(n -> Map.of("layer", n.layer(), "type", n.type(),
                        "gradient_norm", n.gradientNorm(), "weight_norm", n.weightNorm())).toList());
                jsonl.append(JSON.writeValueAsString(row)).append('\n');
            }
            String name = String.format("%02d-%s", r + 1, result.label().replaceAll("[^A-Za-z0-9._=-]+", "_")
                    + (results.stream().filter(x -> x.label().equals(result.label())).count() > 1 ? "-seed" + result.seed() : ""));
            RunFiles.write(result.spec().portableTree(), dir.resolve("runs").resolve(name + ".yaml"));
            ModelFile.save(result.trained(), dir.resolve("runs").resolve(name + ".safetensors"), result.spec().engine(),
                    Map.of("loss", result.spec().lossType()));
        }
        Files.writeString(dir.resolve("metrics.csv"), csv);
        Files.writeString(dir.resolve("layers.csv"), layers);
        Files.writeString(dir.resolve("metrics.jsonl"), jsonl);
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
