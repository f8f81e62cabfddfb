package dev.jnn.examples.report;

import java.util.ArrayList;
import java.util.List;

/**
 * One chart of the report, as the data its script draws: series of (x, y) points, each with an
 * optional min-max band (the spread over seeds). Charts of one {@code group} share their y range, so
 * that charts meant to be compared (training and held-out loss; the first and last epoch's gradient
 * norms) are drawn to the same scale.
 *
 * @param section   the part of the report it belongs in ({@code training} or {@code gradients})
 * @param kind      what a series is: {@code runs} (one per variant) or {@code layers} (one per layer)
 * @param log       whether the y axis starts logarithmic
 * @param logToggle whether the reader may switch the y axis between linear and logarithmic
 * @param integerX  whether x only takes whole values (epochs, layers), so ticks are whole numbers too
 */
record ReportChart(String id, String section, String kind, String title, String xLabel, String yLabel, boolean log,
                   boolean logToggle, boolean integerX, String group, List<Series> series) {

    /**
     * A named line; {@code lo}/{@code hi} are null when there is no band. Values that are not finite are
     * null (a gap), since JSON has no NaN.
     */
    record Series(String name, List<Double> x, List<Double> y, List<Double> lo, List<Double> hi) {
        static Series of(String name, double[] x, double[] y, double[] lo, double[] hi) {
            return new Series(name, values(x), values(y), lo == null ? null : values(lo), hi == null ? null : values(hi));
        }

        private static List<Double> values(double[] v) {
            List<Double> list = new ArrayList<>(v.length);
            for (double d : v) {
                list.add(Double.isFinite(d) ? d : null);
            }
            return list;
        }
    }

    boolean isEmpty() {
        return series.stream().allMatch(s -> s.y().stream().allMatch(v -> v == null));
    }
}
