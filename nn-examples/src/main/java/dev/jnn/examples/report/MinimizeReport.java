package dev.jnn.examples.report;

import dev.jnn.api.Objective;
import dev.jnn.core.minimize.Minimizer.Descent;
import java.util.ArrayList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The report of a descent comparison: f and each coordinate per step for every optimizer, and for a
 * function of two variables the path in the plane over the function's contour lines. One self-contained HTML file, as the training report.
 */
public final class MinimizeReport {
    private MinimizeReport() {
    }

    /** At most {@code most} of a descent's steps, evenly spaced, the first and the last kept: a chart of 10,000 steps needs no more. */
    static Descent thinned(Descent d, int most) {
        int n = d.path().size();
        if (n <= most) {
            return d;
        }
        List<float[]> path = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int k = 0; k < most; k++) {
            int t = (int) Math.round((double) k * (n - 1) / (most - 1));
            path.add(d.path().get(t));
            values.add(d.values().get(t));
        }
        return new Descent(d.optimizer(), path, values, d.reached());
    }

    /**
     * Contour lines of f over the box the paths span (paths that ran off to infinity left out), by
     * marching squares on a 120 x 120 grid, at levels spaced evenly in log f: how the Rosenbrock
     * valley bends, under the paths that follow it.
     */
    static List<double[]> contours(Objective f, List<Descent> descents) {
        double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY, y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
        for (Descent d : descents) {
            for (float[] p : d.path()) {
                if (Float.isFinite(p[0]) && Float.isFinite(p[1]) && Math.abs(p[0]) < 1e3 && Math.abs(p[1]) < 1e3) {
                    x0 = Math.min(x0, p[0]);
                    x1 = Math.max(x1, p[0]);
                    y0 = Math.min(y0, p[1]);
                    y1 = Math.max(y1, p[1]);
                }
            }
        }
        List<double[]> segments = new ArrayList<>();
        if (!(x0 < x1) || !(y0 < y1)) {
            return segments;
        }
        int n = 120;
        double[][] v = new double[n + 1][n + 1];
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (int i = 0; i <= n; i++) {
            for (int j = 0; j <= n; j++) {
                v[i][j] = f.value(new float[] {(float) (x0 + (x1 - x0) * i / n), (float) (y0 + (y1 - y0) * j / n)});
                if (v[i][j] > 0) {
                    lo = Math.min(lo, v[i][j]);
                }
                hi = Math.max(hi, v[i][j]);
            }
        }
        int levels = 10;
        for (int k = 1; k <= levels && lo < hi; k++) {
            double c = Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * k / (levels + 1));
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    cell(segments, v, i, j, c, x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * j / n, (x1 - x0) / n, (y1 - y0) / n);
                }
            }
        }
        return segments;
    }

    /** The part of level c inside one grid cell: where it crosses the cell's edges, joined in pairs. */
    private static void cell(List<double[]> out, double[][] v, int i, int j, double c, double x, double y, double dx, double dy) {
        double a = v[i][j], b = v[i + 1][j], d = v[i + 1][j + 1], e = v[i][j + 1];   // corners counter-clockwise
        List<double[]> hits = new ArrayList<>();
        edge(hits, a, b, c, x, y, x + dx, y);
        edge(hits, b, d, c, x + dx, y, x + dx, y + dy);
        edge(hits, d, e, c, x + dx, y + dy, x, y + dy);
        edge(hits, e, a, c, x, y + dy, x, y);
        for (int h = 0; h + 1 < hits.size(); h += 2) {
            out.add(new double[] {hits.get(h)[0], hits.get(h)[1], hits.get(h + 1)[0], hits.get(h + 1)[1]});
        }
    }

    private static void edge(List<double[]> hits, double va, double vb, double c, double xa, double ya, double xb, double yb) {
        if ((va < c) != (vb < c)) {
            double t = (c - va) / (vb - va);
            hits.add(new double[] {xa + t * (xb - xa), ya + t * (yb - ya)});
        }
    }

    public static void write(String title, String table, Objective f, List<Descent> descents, Path file) throws IOException {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(title)).append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1400px}"
                        + "pre{background:#f6f6f6;padding:8px;font-size:12px}.charts{display:flex;flex-wrap:wrap;gap:12px}</style></head><body>\n")
                .append("<h1>").append(Html.escape(title)).append("</h1>\n<pre>").append(Html.escape(table)).append("</pre>\n")
                .append("<div class=\"charts\">\n");
        SvgChart values = new SvgChart("f(x) per step", "step", "f(x)", true);
        int dims = descents.get(0).path().get(0).length;
        SvgChart[] coordinates = new SvgChart[dims];
        for (int d = 0; d < dims; d++) {
            coordinates[d] = new SvgChart((dims == 1 ? "x" : "coordinate " + d) + " per step", "step", dims == 1 ? "x" : "x" + d, false);
        }
        SvgChart plane = new SvgChart("path in the plane", "x", "y", false);
        for (Descent full : descents) {
            Descent descent = thinned(full, 400);
            int n = descent.path().size();
            double stride = (full.path().size() - 1) / (double) Math.max(1, n - 1);
            double[] steps = new double[n];
            double[] fx = new double[n];
            for (int t = 0; t < n; t++) {
                steps[t] = Math.round(t * stride);                   // the step each kept point was taken at
                fx[t] = Math.max(descent.values().get(t), 1e-12);      // a log axis: the minimum's 0 drawn at 1e-12
            }
            values.series(descent.optimizer(), steps, fx);
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
            plane.backdrop(contours(f, descents));
            html.append(plane.render());
        }
        html.append("</div>\n</body></html>\n");
        Files.writeString(file, html);
    }
}
