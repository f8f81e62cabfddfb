package dev.jnn.examples.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.LayerNorms;
import dev.jnn.examples.run.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * {@code report.html}: the comparison's sortable results table, loss and accuracy curves, the
 * per-layer gradient norms (by layer at the first and last epoch, and over epochs for each variant),
 * each variant's model and resolved run file. One self-contained file that fetches nothing: the charts
 * are drawn by uPlot (inlined from its WebJar) and {@code report.js}, from the data inlined as JSON.
 * With several seeds, curves are means with a min-max band.
 */
public final class HtmlReport {
    /** uPlot, a small canvas charting library with log axes, hover values and legend toggles. */
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    private HtmlReport() {
    }

    public static void write(String title, List<RunResult> results, SummaryTable table, Path file) throws IOException {
        write(title, results, table, List.of(), file);
    }

    /** As {@link #write(String, List, SummaryTable, Path)}, with the runs that failed, each with its reason. */
    public static void write(String title, List<RunResult> results, SummaryTable table, List<String> failures, Path file)
            throws IOException {
        Map<String, List<RunResult>> byLabel = RunResult.byLabel(results);
        List<ReportChart> charts = new ArrayList<>();
        trainingCharts(charts, byLabel);
        gradientCharts(charts, byLabel);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(Html.escape(title))
                .append("</title>\n<style>\n").append(resource(UPLOT + "uPlot.min.css")).append('\n')
                .append(resource("report.css")).append("</style></head><body>\n");
        html.append("<h1>").append(Html.escape(title)).append("</h1>\n");
        html.append("<p>").append(Html.escape(shared(results))).append("</p>\n");
        html.append("<h2>Results</h2>\n<p class=\"hint\">Click a column's name to sort by it.</p>\n").append(table.html());
        if (!failures.isEmpty()) {
            html.append("<h2>Failed runs</h2>\n<p>These runs stopped with an error; the charts and table show the others.</p>\n<ul>\n");
            failures.forEach(f -> html.append("<li>").append(Html.escape(f)).append("</li>\n"));
            html.append("</ul>\n");
        }
        html.append("<noscript><p>The charts need JavaScript; the table above and the files beside this report have every figure.</p></noscript>\n");
        html.append("<h2>Training</h2>\n<p class=\"hint\">Hover a curve to read its values; click a name in a legend to hide or show"
                + " that run; the axis buttons switch the loss and gradient-norm charts between logarithmic and linear axes."
                + (results.size() > byLabel.size() ? " Curves are means over the seeds, the shaded band their minimum to maximum." : "")
                + "</p>\n<div class=\"charts\" id=\"training\"></div>\n");
        html.append("<h2>Gradient norms by layer</h2>\n<p>The L2 norm of each layer's gradient, averaged over an epoch's batches."
                + " Vanishing gradients show as first layers orders of magnitude below the last; exploding ones as the reverse.</p>\n"
                + "<div class=\"charts\" id=\"gradients\"></div>\n");
        variants(html, byLabel);
        html.append("<script type=\"application/json\" id=\"jnn-data\">").append(json(charts)).append("</script>\n");
        html.append(script(resource(UPLOT + "uPlot.iife.min.js"))).append(script(resource("report.js")));
        html.append("</body></html>\n");
        Files.writeString(file, html);
    }

    /**
     * What the runs shared, said only as far as it is true: the same data only when every run's data
     * section, folder and seed were the same; the same weights and batch order only per seed.
     */
    static String shared(List<RunResult> results) {
        Set<String> data = new LinkedHashSet<>();
        Set<String> sections = new HashSet<>();
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

    private static void trainingCharts(List<ReportChart> charts, Map<String, List<RunResult>> byLabel) {
        charts.add(overEpochs("train-loss", "Training loss", "loss", true, "loss", byLabel, EpochMetrics::trainLoss));
        charts.add(overEpochs("test-loss", "Held-out loss", "loss", true, "loss", byLabel, EpochMetrics::validationLoss));
        charts.add(overEpochs("test-accuracy", "Held-out accuracy", "accuracy", false, "accuracy", byLabel,
                EpochMetrics::validationAccuracy));
        if (any(byLabel, r -> r.history().epochs().stream().mapToDouble(EpochMetrics::learningRate).distinct().count() > 1)) {
            charts.add(overEpochs("learning-rate", "Learning rate", "learning rate", false, "lr", byLabel, EpochMetrics::learningRate));
        }
        if (any(byLabel, r -> r.history().epochs().stream().anyMatch(e -> !Double.isNaN(e.gradientNorm())))) {
            charts.add(overEpochs("gradient-norm", "Gradient norm before clipping", "global L2 norm", true, "norm", byLabel,
                    EpochMetrics::gradientNorm));
            charts.add(overEpochs("clipped", "Batches clipped", "share of the epoch's batches", false, "clipped", byLabel,
                    EpochMetrics::clippedFraction));
        }
        charts.removeIf(ReportChart::isEmpty);
    }

    private static boolean any(Map<String, List<RunResult>> byLabel, Predicate<RunResult> test) {
        return byLabel.values().stream().flatMap(List::stream).anyMatch(test);
    }

    /**
     * One series per variant: the mean over its seeds per epoch, with the min-max band when there are several.
     * A {@code log} chart starts on a log axis (a loss falls by decades) and can be switched to linear.
     */
    private static ReportChart overEpochs(String id, String title, String yLabel, boolean log, String group,
                                          Map<String, List<RunResult>> byLabel, ToDoubleFunction<EpochMetrics> metric) {
        List<ReportChart.Series> series = new ArrayList<>();
        byLabel.forEach((label, runs) -> {
            int epochs = runs.stream().mapToInt(r -> r.history().epochs().size()).min().orElse(0);
            double[][] values = new double[runs.size()][epochs];
            for (int s = 0; s < runs.size(); s++) {
                for (int e = 0; e < epochs; e++) {
                    values[s][e] = metric.applyAsDouble(runs.get(s).history().epochs().get(e));
                }
            }
            series.add(spread(label, epochNumbers(epochs), values));
        });
        return new ReportChart(id, "training", "runs", title, "epoch", yLabel, log, log, true, group, series);
    }

    /** By layer at the first and last epochs (the shape of vanishing or exploding), and over epochs per variant. */
    private static void gradientCharts(List<ReportChart> charts, Map<String, List<RunResult>> byLabel) {
        charts.add(byLayer("norms-first", "Gradient norm by layer, first epoch", byLabel, false));
        charts.add(byLayer("norms-last", "Gradient norm by layer, last epoch", byLabel, true));
        int k = 0;
        for (Map.Entry<String, List<RunResult>> variant : byLabel.entrySet()) {
            charts.add(layersOverEpochs("norms-" + k++, variant.getKey(), variant.getValue()));
        }
    }

    private static ReportChart byLayer(String id, String title, Map<String, List<RunResult>> byLabel, boolean lastEpoch) {
        List<ReportChart.Series> series = new ArrayList<>();
        byLabel.forEach((label, runs) -> {
            int epoch = lastEpoch ? runs.get(0).layers().size() - 1 : 0;
            List<LayerNorms> layers = runs.get(0).layers().get(epoch);
            double[] x = new double[layers.size()];
            double[][] values = new double[runs.size()][layers.size()];
            for (int k = 0; k < layers.size(); k++) {
                x[k] = layers.get(k).layer();
                for (int s = 0; s < runs.size(); s++) {
                    values[s][k] = runs.get(s).layers().get(epoch).get(k).gradientNorm();
                }
            }
            series.add(spread(label, x, values));
        });
        return new ReportChart(id, "gradients", "runs", title, "layer (input side to output side)", "gradient norm", true, true,
                true, "norms-by-layer", series);
    }

    private static ReportChart layersOverEpochs(String id, String label, List<RunResult> runs) {
        List<LayerNorms> layers = runs.get(0).layers().get(0);
        int epochs = runs.get(0).layers().size();
        List<ReportChart.Series> series = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            double[][] values = new double[runs.size()][epochs];
            for (int s = 0; s < runs.size(); s++) {
                for (int e = 0; e < epochs; e++) {
                    values[s][e] = runs.get(s).layers().get(e).get(k).gradientNorm();
                }
            }
            series.add(spread("layer " + layers.get(k).layer() + " (" + layers.get(k).type() + ")", epochNumbers(epochs), values));
        }
        return new ReportChart(id, "gradients", "layers", "Gradient norms over epochs: " + label, "epoch", "gradient norm", true,
                true, true, "norms-over-epochs", series);
    }

    /** The mean of each column of {@code values} (one row per seed), with its min and max when there are several rows. */
    private static ReportChart.Series spread(String name, double[] x, double[][] values) {
        int n = x.length;
        double[] mean = new double[n];
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int i = 0; i < n; i++) {
            lo[i] = Double.POSITIVE_INFINITY;
            hi[i] = Double.NEGATIVE_INFINITY;
            for (double[] seed : values) {
                mean[i] += seed[i] / values.length;
                lo[i] = Math.min(lo[i], seed[i]);
                hi[i] = Math.max(hi[i], seed[i]);
            }
        }
        return values.length > 1 ? ReportChart.Series.of(name, x, mean, lo, hi) : ReportChart.Series.of(name, x, mean, null, null);
    }

    private static double[] epochNumbers(int epochs) {
        double[] x = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            x[e] = e + 1;
        }
        return x;
    }

    private static void variants(StringBuilder html, Map<String, List<RunResult>> byLabel) {
        html.append("<h2>Variants</h2>\n");
        byLabel.forEach((label, runs) -> html.append("<details><summary>").append(Html.escape(label))
                .append("</summary>\n<h4>Model</h4>\n<pre>").append(Html.escape(runs.get(0).model()))
                .append("</pre>\n<h4>Run file, resolved</h4>\n<pre>")
                .append(Html.escape(RunFiles.toYaml(runs.get(0).spec().tree()))).append("</pre></details>\n"));
    }

    /** The charts as JSON that is safe inside a script element: no {@code <} can close it early. */
    private static String json(List<ReportChart> charts) {
        try {
            return new ObjectMapper().writeValueAsString(charts).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report's chart data as JSON: " + e.getMessage(), e);
        }
    }

    private static String script(String code) {
        if (code.contains("</script")) {
            throw new IllegalStateException("a script inlined in the report contains '</script', which would end it early");
        }
        return "<script>\n" + code + "\n</script>\n";
    }

    /** A text resource: a name starting with '/' from the class path's root, otherwise beside this class. */
    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report resource " + name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report resource " + name, e);
        }
    }
}
