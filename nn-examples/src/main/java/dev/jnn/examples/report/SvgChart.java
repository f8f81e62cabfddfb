package dev.jnn.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: axes with ticks and labels, one polyline per series, a legend, and an
 * optional log-scale y axis (for gradient norms spanning orders of magnitude). No script, no fonts to
 * fetch: it renders anywhere.
 */
final class SvgChart {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b",
            "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};
    private static final int WIDTH = 640;
    private static final int HEIGHT = 340;
    private static final int LEFT = 70;
    private static final int RIGHT = 190;
    private static final int TOP = 36;
    private static final int BOTTOM = 50;

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final boolean logY;
    private final List<String> names = new ArrayList<>();
    private final List<double[][]> series = new ArrayList<>();
    private final List<double[]> backdrop = new ArrayList<>();

    SvgChart(String title, String xLabel, String yLabel, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.logY = logY;
    }

    /** A series of (x, y) points; non-finite y values (and non-positive ones on a log axis) are skipped. */
    SvgChart series(String name, double[] x, double[] y) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (Double.isFinite(y[i]) && (!logY || y[i] > 0)) {
                points.add(new double[] {x[i], logY ? Math.log10(y[i]) : y[i]});
            }
        }
        names.add(name);
        series.add(points.toArray(new double[0][]));
        return this;
    }

    /**
     * Line segments {x1, y1, x2, y2} drawn thin and grey behind the series, such as a function's contour
     * lines; they take the series' scales and do not widen them. Not for a log axis.
     */
    SvgChart backdrop(List<double[]> segments) {
        backdrop.addAll(segments);
        return this;
    }

    boolean isEmpty() {
        return series.stream().allMatch(s -> s.length == 0);
    }

    String render() {
        double xMin = Double.POSITIVE_INFINITY, xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY, yMax = Double.NEGATIVE_INFINITY;
        for (double[][] s : series) {
            for (double[] p : s) {
                xMin = Math.min(xMin, p[0]);
                xMax = Math.max(xMax, p[0]);
                yMin = Math.min(yMin, p[1]);
                yMax = Math.max(yMax, p[1]);
            }
        }
        if (xMin > xMax) {
            return "";
        }
        if (xMax == xMin) {
            xMax = xMin + 1;
        }
        if (logY) {
            yMin = Math.floor(yMin);
            yMax = Math.max(Math.ceil(yMax), yMin + 1);
        } else {
            double pad = (yMax - yMin) * 0.05 + (yMax == yMin ? Math.abs(yMax) * 0.1 + 1e-9 : 0);
            yMin -= pad;
            yMax += pad;
        }
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"20\" font-size=\"14\" font-weight=\"bold\">%s</text>%n",
                LEFT, Html.escape(title)));
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = HEIGHT - TOP - BOTTOM;
        svg.append(String.format("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#999\"/>%n",
                LEFT, TOP, plotW, plotH));
        int xDecimals = decimals(xMin, xMax);
        int yDecimals = decimals(yMin, yMax);
        for (double t : ticks(xMin, xMax, false)) {
            double px = LEFT + (t - xMin) / (xMax - xMin) * plotW;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>"
                    + "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n", px, TOP, px, TOP + plotH, px,
                    TOP + plotH + 16, format(t, false, xDecimals)));
        }
        for (double t : ticks(yMin, yMax, logY)) {
            double py = TOP + plotH - (t - yMin) / (yMax - yMin) * plotH;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
                    + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n", LEFT, py, LEFT + plotW, py, LEFT - 6,
                    py + 4, format(t, logY, yDecimals)));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
                LEFT + plotW / 2, HEIGHT - 12, Html.escape(xLabel)));
        svg.append(String.format(Locale.ROOT, "<text x=\"16\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 16 %d)\">%s</text>%n",
                TOP + plotH / 2, TOP + plotH / 2, Html.escape(yLabel + (logY ? " (log scale)" : ""))));
        for (double[] seg : backdrop) {
            double[] a = {LEFT + (seg[0] - xMin) / (xMax - xMin) * plotW, TOP + plotH - (seg[1] - yMin) / (yMax - yMin) * plotH};
            double[] b = {LEFT + (seg[2] - xMin) / (xMax - xMin) * plotW, TOP + plotH - (seg[3] - yMin) / (yMax - yMin) * plotH};
            if (inside(a, plotW, plotH) && inside(b, plotW, plotH)) {
                svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#bbb\"/>",
                        a[0], a[1], b[0], b[1]));
            }
        }
        for (int s = 0; s < series.size(); s++) {
            String color = COLORS[s % COLORS.length];
            StringBuilder points = new StringBuilder();
            for (double[] p : series.get(s)) {
                double px = LEFT + (p[0] - xMin) / (xMax - xMin) * plotW;
                double py = TOP + plotH - (p[1] - yMin) / (yMax - yMin) * plotH;
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>", px, py, color));
            }
            svg.append(String.format("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>%n",
                    points.toString().trim(), color));
            int ly = TOP + 14 + s * 18;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>"
                    + "<text x=\"%d\" y=\"%d\">%s</text>%n", LEFT + plotW + 12, ly - 4, LEFT + plotW + 32, ly - 4, color,
                    LEFT + plotW + 38, ly, Html.escape(shorten(names.get(s)))));
        }
        return svg.append("</svg>\n").toString();
    }

    private static boolean inside(double[] p, int plotW, int plotH) {
        return p[0] >= LEFT && p[0] <= LEFT + plotW && p[1] >= TOP && p[1] <= TOP + plotH;
    }

    /** About five round ticks; on a log axis, the powers of ten in range. */
    private static List<Double> ticks(double min, double max, boolean log) {
        List<Double> ticks = new ArrayList<>();
        if (log) {
            int step = Math.max(1, (int) Math.ceil((max - min) / 8));
            for (double t = Math.ceil(min); t <= max; t += step) {
                ticks.add(t);
            }
            return ticks;
        }
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / magnitude < 1.5 ? magnitude : raw / magnitude < 3.5 ? 2 * magnitude : raw / magnitude < 7.5 ? 5 * magnitude : 10 * magnitude;
        for (double t = Math.ceil(min / step) * step; t <= max + step * 1e-9; t += step) {
            ticks.add(Math.abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    private static String format(double t, boolean log, int decimals) {
        return log ? "1e" + (int) Math.round(t) : String.format(Locale.ROOT, "%." + decimals + "f", t);
    }

    /** Enough decimals to tell the ticks of this range apart, and the same for all of them. */
    private static int decimals(double min, double max) {
        double raw = (max - min) / 5;
        return Math.max(0, (int) -Math.floor(Math.log10(raw)));
    }

    private static String shorten(String name) {
        return name.length() <= 28 ? name : name.substring(0, 27) + "…";
    }
}
