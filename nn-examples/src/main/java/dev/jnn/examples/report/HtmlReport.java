package dev.jnn.examples.report;

import dev.jnn.core.config.RunFiles;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.LayerNorms;
import dev.jnn.examples.run.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
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
        Map<String, List<RunResult>> byLabel = new LinkedHashMap<>();
        results.forEach(r -> byLabel.computeIfAbsent(r.label(), k -> new java.util.ArrayList<>()).add(r));

        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(SvgChart.escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1400px}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}"
                        + "th:first-child,td:first-child{text-align:left}pre{background:#f6f6f6;padding:8px;font-size:12px}"
                        + ".charts{display:flex;flex-wrap:wrap;gap:12px}</style></head><body>\n");
        html.append("<h1>").append(SvgChart.escape(title)).append("</h1>\n");
        RunResult first = results.get(0);
        html.append("<p>Data: ").append(SvgChart.escape(first.data())).append(". Every variant ran on the same data, ")
                .append("the same initial weights (for the same model and seed) and the same batch order.</p>\n");
        html.append("<h2>Results</h2>\n<pre>").append(SvgChart.escape(table.render())).append("</pre>\n");

        html.append("<h2>Training</h2>\n<div class=\"charts\">\n");
        chart(html, "Training loss", "loss", false, byLabel, EpochMetrics::trainLoss);
        chart(html, "Held-out loss", "loss", false, byLabel, EpochMetrics::validationLoss);
        chart(html, "Held-out accuracy", "accuracy", false, byLabel, EpochMetrics::validationAccuracy);
        html.append("</div>\n");

        html.append("<h2>Gradient norms by layer</h2>\n<p>The L2 norm of each layer's gradient, averaged over an ")
                .append("epoch's batches. Vanishing gradients show as first layers orders of magnitude below the last; ")
                .append("exploding ones as the reverse.</p>\n<div class=\"charts\">\n");
        SvgChart byLayer = new SvgChart("Gradient norm by layer, first epoch", "layer (input side to output side)",
                "gradient norm", true);
        SvgChart byLayerLast = new SvgChart("Gradient norm by layer, last epoch", "layer (input side to output side)",
                "gradient norm", true);
        byLabel.forEach((label, runs) -> {
            byLayer.series(label, positions(runs.get(0).layers().get(0)), meanNorms(runs, 0));
            int last = runs.get(0).layers().size() - 1;
            byLayerLast.series(label, positions(runs.get(0).layers().get(last)), meanNorms(runs, last));
        });
        html.append(byLayer.render()).append(byLayerLast.render());
        byLabel.forEach((label, runs) -> {
            SvgChart overTime = new SvgChart("Gradient norms over epochs: " + label, "epoch", "gradient norm", true);
            List<LayerNorms> layers = runs.get(0).layers().get(0);
            for (int k = 0; k < layers.size(); k++) {
                int layerIndex = k;
                double[] epochs = new double[runs.get(0).layers().size()];
                double[] norms = new double[epochs.length];
                for (int e = 0; e < epochs.length; e++) {
                    epochs[e] = e + 1;
                    int epoch = e;
                    norms[e] = runs.stream().mapToDouble(r -> r.layers().get(epoch).get(layerIndex).gradientNorm()).average().orElse(Double.NaN);
                }
                overTime.series("layer " + layers.get(k).layer() + " (" + layers.get(k).type() + ")", epochs, norms);
            }
            html.append(overTime.render());
        });
        html.append("</div>\n");

        html.append("<h2>Variants</h2>\n");
        byLabel.forEach((label, runs) -> html.append("<h3>").append(SvgChart.escape(label)).append("</h3>\n<pre>")
                .append(SvgChart.escape(runs.get(0).model())).append("</pre>\n<pre>")
                .append(SvgChart.escape(RunFiles.toYaml(runs.get(0).spec().tree()))).append("</pre>\n"));
        html.append("</body></html>\n");
        Files.writeString(file, html);
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
