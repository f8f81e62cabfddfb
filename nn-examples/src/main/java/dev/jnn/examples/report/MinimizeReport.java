package dev.jnn.examples.report;

import dev.jnn.core.minimize.Minimizer.Descent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report of a descent comparison: f and each coordinate per step for every optimizer, and for a
 * function of two variables the path in the plane. One self-contained HTML file, as the training report.
 */
public final class MinimizeReport {
    private MinimizeReport() {
    }

    public static void write(String title, String table, List<Descent> descents, Path file) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(SvgChart.escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1400px}"
                        + "pre{background:#f6f6f6;padding:8px;font-size:12px}.charts{display:flex;flex-wrap:wrap;gap:12px}</style></head><body>\n")
                .append("<h1>").append(SvgChart.escape(title)).append("</h1>\n<pre>").append(SvgChart.escape(table)).append("</pre>\n")
                .append("<div class=\"charts\">\n");
        SvgChart values = new SvgChart("f(x) per step", "step", "f(x)", true);
        int dims = descents.get(0).path().get(0).length;
        SvgChart[] coordinates = new SvgChart[dims];
        for (int d = 0; d < dims; d++) {
            coordinates[d] = new SvgChart((dims == 1 ? "x" : "coordinate " + d) + " per step", "step", dims == 1 ? "x" : "x" + d, false);
        }
        SvgChart plane = new SvgChart("path in the plane", "x", "y", false);
        for (Descent descent : descents) {
            int n = descent.path().size();
            double[] steps = new double[n];
            double[] f = new double[n];
            for (int t = 0; t < n; t++) {
                steps[t] = t;
                f[t] = Math.max(descent.values().get(t), 1e-12);       // a log axis: the minimum's 0 drawn at 1e-12
            }
            values.series(descent.optimizer(), steps, f);
            for (int d = 0; d < dims; d++) {
                double[] x = new double[n];
                for (int t = 0; t < n; t++) {
                    x[t] = descent.path().get(t)[d];
                }
                coordinates[d].series(descent.optimizer(), steps, x);
            }
            if (dims == 2) {
                double[] x = new double[n];
                double[] y = new double[n];
                for (int t = 0; t < n; t++) {
                    x[t] = descent.path().get(t)[0];
                    y[t] = descent.path().get(t)[1];
                }
                plane.series(descent.optimizer(), x, y);
            }
        }
        html.append(values.render());
        for (SvgChart c : coordinates) {
            html.append(c.render());
        }
        if (dims == 2) {
            html.append(plane.render());
        }
        html.append("</div>\n</body></html>\n");
        Files.writeString(file, html);
    }
}
