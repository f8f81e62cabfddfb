package dev.jnn.examples.report;

import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.LayerNormRecorder;
import dev.jnn.core.train.LayerNorms;
import dev.jnn.core.train.TrainingControl;
import dev.jnn.core.train.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * One run's {@code metrics.csv}, {@code layers.csv} and {@code metrics.jsonl}, appended as each epoch
 * ends, so that a run killed at any moment keeps the epochs it finished; and read back, so that a
 * resumed run's report shows every epoch. The label of a single run ({@code jnn train}) holds no comma.
 */
public final class MetricsLog implements TrainingListener {
    private final Path dir;
    private final String label;
    private final long seed;
    private final LayerNormRecorder norms;
    private final Object lock;

    /**
     * @param fresh write the headers (a new run); false to append to a resumed run's files
     */
    public MetricsLog(Path dir, String label, long seed, LayerNormRecorder norms, boolean fresh) {
        this(dir, label, seed, norms, new Object());
        if (fresh) {
            start(dir);
        }
    }

    /** One of the runs of a comparison, appending to files it shares with the others under {@code lock}. */
    public MetricsLog(Path dir, String label, long seed, LayerNormRecorder norms, Object lock) {
        this.dir = dir;
        this.label = label;
        this.seed = seed;
        this.norms = norms;
        this.lock = lock;
    }

    /** Writes the three files' headers, for the runs that will append to them. */
    public static void start(Path dir) {
        write(dir, "metrics.csv", MetricsFiles.METRICS_HEADER, false);
        write(dir, "layers.csv", MetricsFiles.LAYERS_HEADER, false);
        write(dir, "metrics.jsonl", "", false);
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
        List<List<LayerNorms>> epochs = norms.epochs();
        List<LayerNorms> last = epochs.get(epochs.size() - 1);
        String json;
        try {
            json = MetricsFiles.jsonRow(label, seed, metrics, last);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        synchronized (lock) {                         // whole rows, when runs of a comparison append at once
            write(dir, "metrics.csv", MetricsFiles.metricsRow(label, seed, metrics), true);
            write(dir, "layers.csv", MetricsFiles.layerRows(label, seed, metrics.epoch(), last), true);
            write(dir, "metrics.jsonl", json, true);
        }
    }

    private static void write(Path dir, String name, String text, boolean append) {
        try {
            Files.writeString(dir.resolve(name), text, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(name) + ": " + e.getMessage(), e);
        }
    }

    /** The epochs a run folder's files record, and the layer norms of each. */
    public record Logged(List<EpochMetrics> epochs, List<List<LayerNorms>> layers) {
    }

    /**
     * Keeps the rows of epochs 1 to {@code epochs} (those a checkpoint holds) and drops any later ones
     * (logged after the last checkpoint, to be trained again), then returns what is kept.
     */
    public static Logged keepEpochs(Path dir, int epochs) throws IOException {
        List<EpochMetrics> kept = new ArrayList<>();
        StringBuilder metrics = new StringBuilder(MetricsFiles.METRICS_HEADER);
        for (String line : rows(dir.resolve("metrics.csv"))) {
            String[] f = line.split(",", -1);
            if (Integer.parseInt(f[2]) <= epochs) {
                metrics.append(line).append('\n');
                kept.add(new EpochMetrics(Integer.parseInt(f[2]), number(f[3]), number(f[4]), number(f[5]), number(f[6]),
                        number(f[7]), number(f[8]), number(f[9]), number(f[10]), number(f[11])));
            }
        }
        List<List<LayerNorms>> layers = new ArrayList<>();
        StringBuilder layerRows = new StringBuilder(MetricsFiles.LAYERS_HEADER);
        for (String line : rows(dir.resolve("layers.csv"))) {
            String[] f = line.split(",", -1);
            int epoch = Integer.parseInt(f[2]);
            if (epoch <= epochs) {
                layerRows.append(line).append('\n');
                while (layers.size() < epoch) {
                    layers.add(new ArrayList<>());
                }
                layers.get(epoch - 1).add(new LayerNorms(Integer.parseInt(f[3]), f[4], number(f[5]), number(f[6])));
            }
        }
        StringBuilder jsonl = new StringBuilder();
        List<String> json = Files.readAllLines(dir.resolve("metrics.jsonl"));
        for (int i = 0; i < Math.min(epochs, json.size()); i++) {
            jsonl.append(json.get(i)).append('\n');
        }
        Files.writeString(dir.resolve("metrics.csv"), metrics);
        Files.writeString(dir.resolve("layers.csv"), layerRows);
        Files.writeString(dir.resolve("metrics.jsonl"), jsonl);
        return new Logged(kept, layers);
    }

    private static List<String> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        return lines.subList(Math.min(1, lines.size()), lines.size()).stream().filter(l -> !l.isBlank()).toList();
    }

    private static double number(String cell) {
        return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
    }
}
