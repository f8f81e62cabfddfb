package dev.jnn.examples.report;

import dev.jnn.core.config.RunFiles;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.LayerNorms;
import dev.jnn.examples.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * {@code report.html}: the comparison's table, loss and accuracy curves, the per-layer gradient norms
 * (by layer at the last epoch, and over epochs for each variant), each variant's model and resolved
 * run file. Self-contained: inline SVG and CSS, nothing fetched. With several seeds, curves are means.
 */
public final class HtmlReport {
    private HtmlReport() {
    }

    public static void write(String title, List<RunResult> results, SummaryTable table, Path file) throws IOException {
        write(title, results, table, List.of(), file);
    }

    /** As {@link #write(String, List, SummaryTable, Path)}, with the runs that failed, each with its reason. */
    public static void write(String title, List<RunResult> results, SummaryTable table, List<String> failures, Path file)
            throws IOException {
        Map<String, List<RunResult>> byLabel = RunResult.byLabel(results);
        StringBuilder html = new StringBuilder();
        header(html, title, results, table);
        if (!failures.isEmpty()) {
            html.append("<h2>Failed runs</h2>\n<p>These runs stopped with an error; the charts and table show the others.</p>\n<ul>\n");
            failures.forEach(f -> html.append("<li>").append(SvgChart.escape(f)).append("</li>\n"));
            html.append("</ul>\n");
        }
        trainingCharts(html, byLabel);
        gradientCharts(html, byLabel);
        variants(html, byLabel);
        html.append("</body></html>\n");
        Files.writeString(file, html);
    }

    private static void header(StringBuilder html, String title, List<RunResult> results, SummaryTable table) {
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(SvgChart.escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1400px}"
                        + "pre{background:#f6f6f6;padding:8px;font-size:12px}"
                        + ".charts{display:flex;flex-wrap:wrap;gap:12px}</style></head><body>\n");
        html.append("<h1>").append(SvgChart.escape(title)).append("</h1>\n");
        html.append("<p>").append(SvgChart.escape(shared(results))).append("</p>\n");
        html.append("<h2>Results</h2>\n<pre>").append(SvgChart.escape(table.render())).append("</pre>\n");
    }

    /**
     * What the runs shared, said only as far as it is true: the same data only when every run's data
     * section, folder and seed were the same; the same weights and batch order only per seed.
     */
    static String shared(List<RunResult> results) {
        java.util.Set<String> data = new java.util.LinkedHashSet<>();
        java.util.Set<String> sections = new java.util.HashSet<>();
        for (RunResult r : results) {
            data.add(r.data());
            sections.add(r.spec().base() + " " + r.spec().data().value() + " " + r.seed());
        }
        if (sections.size() == 1) {
            return "Data: " + data.iterator().next() + ". Every run had the same data, the same initial weights (for the same"
                    + " model) and the same batch order.";
        }
        return "Data: " + String.join("; ", data) + ". The runs did not all have the same data (" + sections.size()
                + " different data sections or seeds); runs of one seed and one data section had the same initial weights"
                + " (for the same model) and batch order.";
    }

    private static void trainingCharts(StringBuilder html, Map<String, List<RunResult>> byLabel) {
        html.append("<h2>Training</h2>\n<div class=\"charts\">\n");
        chart(html, "Training loss", "loss", false, byLabel, EpochMetrics::trainLoss);
        chart(html, "Held-out loss", "loss", false, byLabel, EpochMetrics::validationLoss);
        chart(html, "Held-out accuracy", "accuracy", false, byLabel, EpochMetrics::validationAccuracy);
        if (any(byLabel, r -> r.history().epochs().stream().mapToDouble(EpochMetrics::learningRate).distinct().count() > 1)) {
            chart(html, "Learning rate", "learning rate", false, byLabel, EpochMetrics::learningRate);
        }
        if (any(byLabel, r -> r.history().epochs().stream().anyMatch(e -> !Double.isNaN(e.gradientNorm())))) {
            chart(html, "Gradient norm before clipping", "global L2 norm", true, byLabel, EpochMetrics::gradientNorm);
            chart(html, "Batches clipped", "share of the epoch's batches", false, byLabel, EpochMetrics::clippedFraction);
        }
        html.append("</div>\n");
    }

    private static boolean any(Map<String, List<RunResult>> byLabel, java.util.function.Predicate<RunResult> test) {
        return byLabel.values().stream().flatMap(List::stream).anyMatch(test);
    }

    /** By layer at the first and last epochs (the shape of vanishing or exploding), and over epochs per variant. */
    private static void gradientCharts(StringBuilder html, Map<String, List<RunResult>> byLabel) {
        html.append("<h2>Gradient norms by layer</h2>\n<p>The L2 norm of each layer's gradient, averaged over an ")
                .append("epoch's batches. Vanishing gradients show as first layers orders of magnitude below the last; ")
                .append("exploding ones as the reverse.</p>\n<div class=\"charts\">\n");
        SvgChart first = new SvgChart("Gradient norm by layer, first epoch", "layer (input side to output side)", "gradient norm", true);
        SvgChart last = new SvgChart("Gradient norm by layer, last epoch", "layer (input side to output side)", "gradient norm", true);
        byLabel.forEach((label, runs) -> {
            first.series(label, positions(runs.get(0).layers().get(0)), meanNorms(runs, 0));
            int lastEpoch = runs.get(0).layers().size() - 1;
            last.series(label, positions(runs.get(0).layers().get(lastEpoch)), meanNorms(runs, lastEpoch));
        });
        html.append(first.render()).append(last.render());
        byLabel.forEach((label, runs) -> html.append(overEpochs(label, runs).render()));
        html.append("</div>\n");
    }

    private static SvgChart overEpochs(String label, List<RunResult> runs) {
        SvgChart chart = new SvgChart("Gradient norms over epochs: " + label, "epoch", "gradient norm", true);
        List<LayerNorms> layers = runs.get(0).layers().get(0);
        int epochs = runs.get(0).layers().size();
        for (int k = 0; k < layers.size(); k++) {
            int layer = k;
            double[] x = new double[epochs];
            double[] y = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                int epoch = e;
                x[e] = e + 1;
                y[e] = runs.stream().mapToDouble(r -> r.layers().get(epoch).get(layer).gradientNorm()).average().orElse(Double.NaN);
            }
            chart.series("layer " + layers.get(k).layer() + " (" + layers.get(k).type() + ")", x, y);
        }
        return chart;
    }

    private static void variants(StringBuilder html, Map<String, List<RunResult>> byLabel) {
        html.append("<h2>Variants</h2>\n");
        byLabel.forEach((label, runs) -> html.append("<h3>").append(SvgChart.escape(label)).append("</h3>\n<pre>")
                .append(SvgChart.escape(runs.get(0).model())).append("</pre>\n<pre>")
                .append(SvgChart.escape(RunFiles.toYaml(runs.get(0).spec().tree()))).append("</pre>\n"));
    }

    private static void chart(StringBuilder html, String title, String yLabel, boolean log, Map<String, List<RunResult>> byLabel,
                              ToDoubleFunction<EpochMetrics> metric) {
        SvgChart chart = new SvgChart(title, "epoch", yLabel, log);
        byLabel.forEach((label, runs) -> {
            int epochs = runs.stream().mapToInt(r -> r.history().epochs().size()).min().orElse(0);
            double[] x = new double[epochs];
            double[] y = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                int epoch = e;
                x[e] = e + 1;
                y[e] = runs.stream().mapToDouble(r -> metric.applyAsDouble(r.history().epochs().get(epoch))).average().orElse(Double.NaN);
            }
            chart.series(label, x, y);
        });
        if (!chart.isEmpty()) {
            html.append(chart.render());
        }
    }

    private static double[] positions(List<LayerNorms> layers) {
        double[] x = new double[layers.size()];
        for (int k = 0; k < x.length; k++) {
            x[k] = layers.get(k).layer();
        }
        return x;
    }

    private static double[] meanNorms(List<RunResult> runs, int epoch) {
        int layers = runs.get(0).layers().get(epoch).size();
        double[] y = new double[layers];
        for (int k = 0; k < layers; k++) {
            int layer = k;
            y[k] = runs.stream().mapToDouble(r -> r.layers().get(epoch).get(layer).gradientNorm()).average().orElse(Double.NaN);
        }
        return y;
    }
}
