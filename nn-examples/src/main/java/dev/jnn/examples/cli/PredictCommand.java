package dev.jnn.examples.cli;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Tensor;
import dev.jnn.api.data.DataSplit;
import dev.jnn.api.data.Dataset;
import dev.jnn.core.config.ConfigException;
import dev.jnn.core.config.ConfigNode;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.data.Csv;
import dev.jnn.core.io.ModelFile;
import dev.jnn.core.layer.Softmax;
import dev.jnn.core.train.Evaluation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Runs a saved model on data: {@code predict} writes one row of outputs per sample (class
 * probabilities for a classifier, values for a regression) and prints the metrics when the data has
 * labels; {@code evaluate} prints the metrics only. The data is a run file's {@code data} section (its
 * held-out split, read through the same data sources as training) or a CSV file.
 */
@Command(name = "predict", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a saved model on data: one row of class probabilities or outputs per sample.",
                "Example: jnn predict runs/20261126-120000-train/model.safetensors --data examples/spirals.yaml"})
class PredictCommand implements java.util.concurrent.Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "MODEL_FILE", description = "a model file written by jnn train or compare (.safetensors)")
    Path modelFile;

    @Option(names = "--data", required = true, paramLabel = "RUN_FILE_OR_CSV",
            description = "a run file (its data section's held-out split) or a CSV file")
    Path data;

    @Option(names = "--label", paramLabel = "COLUMN", description = "for a CSV: the label column (name or index); without it every column is a feature")
    String label;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of the run file, such as data.samples=500")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "predictions CSV (default: standard output)")
    Path out;

    /** Whether to print only the metrics (the evaluate command). */
    boolean metricsOnly() {
        return false;
    }

    /** The classes in index order, when the model's data named them (a CSV's labels); empty otherwise. */
    private List<String> classes = List.of();

    @Override
    public Integer call() throws IOException {
        Model model = ModelFile.load(modelFile, main.engine());
        Map<String, String> metadata = ModelFile.metadata(modelFile);
        String lossName = metadata.get("loss");
        Dataset dataset = isCsv() && metadata.containsKey("data") ? likeTraining(metadata.get("data")) : read();
        Loss loss = lossName == null ? null : main.engine().providers().loss(lossName);
        boolean labelled = dataset.targets().columns() > 0 && !(label == null && isCsv()) || csvLabelled;
        if (!metricsOnly()) {
            String csv = predictions(model, dataset, lossName, labelled, classes);
            if (out != null) {
                Files.writeString(out, csv);
                System.err.println("predictions: " + out);
            } else {
                System.out.print(csv);
            }
        }
        if (labelled && loss != null) {
            Evaluation e = Evaluation.of(model, loss, dataset, 256);
            System.err.printf(Locale.ROOT, "%d samples: loss %.4f%s%n", dataset.size(), e.loss(),
                    Double.isNaN(e.accuracy()) ? "" : String.format(Locale.ROOT, ", accuracy %.2f%%", 100 * e.accuracy()));
        } else if (metricsOnly()) {
            throw new IllegalArgumentException("evaluate: " + (loss == null ? modelFile + " records no loss to score with"
                    : data + " has no labels (give --label for a CSV)"));
        }
        return 0;
    }

    private boolean csvLabelled;

    /**
     * A CSV read the way the model's training CSV was: its feature columns by name, its label column
     * (when present) through its classes, and its standardization.
     */
    @SuppressWarnings("unchecked")
    private Dataset likeTraining(String json) throws IOException {
        Map<String, Object> data = new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Map.class);
        List<String> features = (List<String>) data.get("features");
        String labelName = label != null ? label : (String) data.get("label");
        classes = (List<String>) data.getOrDefault("classes", List.of());
        Csv.Table table = Csv.like(this.data, features, labelName, classes);
        csvLabelled = table.label() != null;
        if (data.get("standardize") instanceof Map<?, ?> scale) {
            double[] mean = ((List<Number>) scale.get("mean")).stream().mapToDouble(Number::doubleValue).toArray();
            double[] std = ((List<Number>) scale.get("std")).stream().mapToDouble(Number::doubleValue).toArray();
            new Csv.Standardization(mean, std).apply(table.dataset());
        }
        return table.dataset();
    }

    private boolean isCsv() {
        return data.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
    }

    private Dataset read() {
        if (isCsv()) {
            if (label != null) {
                return Csv.read(data, label, true, true);
            }
            return Csv.readFeatures(data, true);
        }
        Map<String, Object> tree = RunFiles.read(data);
        for (String s : sets) {
            RunFiles.override(tree, s, data + " (--set " + s + ")");
        }
        ConfigNode section = ConfigNode.root(tree, data.toString()).get("data").required("a data section such as { name: spirals }");
        String name = section.get("name").required("the name of a data source").asString();
        try {
            DataSplit split = main.engine().providers().dataSource(name, section.settingsExcept(Set.of("name")))
                    .load(new dev.jnn.api.data.DataContext(ConfigNode.root(tree, data.toString()).get("seed").asLong(0),
                            data.toAbsolutePath().getParent(), dev.jnn.api.data.DataContext.defaultCache()));
            return split.test();
        } catch (dev.jnn.api.spi.InvalidSettingException e) {
            throw new ConfigException(data.toString(), "data." + e.setting(), e.getMessage(), e);
        }
    }

    /** One CSV row per sample: the outputs as probabilities (classifiers) or values, the predicted class, the label. */
    private static String predictions(Model model, Dataset dataset, String loss, boolean labelled, List<String> classes) {
        Tensor outputs = model.predict(dataset.features());
        int columns = outputs.columns();
        boolean softmax = "softmax_cross_entropy".equals(loss);
        boolean sigmoid = "binary_cross_entropy".equals(loss);
        StringBuilder csv = new StringBuilder("row");
        for (int c = 0; c < columns; c++) {
            csv.append(softmax || sigmoid ? ",p" : ",y").append(c);
        }
        csv.append(softmax ? ",predicted" : "").append(labelled ? ",label" : "").append('\n');
        float[] row = new float[columns];
        for (int r = 0; r < outputs.rows(); r++) {
            System.arraycopy(outputs.data(), r * columns, row, 0, columns);
            if (softmax) {
                Softmax.row(row, row, 0, columns);
            } else if (sigmoid) {
                for (int c = 0; c < columns; c++) {
                    row[c] = (float) (1 / (1 + Math.exp(-row[c])));
                }
            }
            csv.append(r);
            int best = 0;
            for (int c = 0; c < columns; c++) {
                csv.append(',').append(String.format(Locale.ROOT, "%.6g", row[c]));
                best = row[c] > row[best] ? c : best;
            }
            if (softmax) {
                csv.append(',').append(classes.isEmpty() ? Integer.toString(best) : Csv.quote(classes.get(best)));
            }
            if (labelled) {
                int t = dataset.targets().columns();
                for (int c = 0; c < t; c++) {
                    float v = dataset.targets().data()[r * t + c];
                    csv.append(',').append(classes.isEmpty() ? String.format(Locale.ROOT, "%.6g", v) : Csv.quote(classes.get((int) v)));
                }
            }
            csv.append('\n');
        }
        return csv.toString();
    }
}
