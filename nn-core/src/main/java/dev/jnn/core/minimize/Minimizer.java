package dev.jnn.core.minimize;

import dev.jnn.api.Objective;
import dev.jnn.api.Optimizer;
import dev.jnn.api.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Gradient descent on a function: the point is a parameter, its gradient the function's, and any
 * optimizer moves it, step after step, until it is within {@code tolerance} of the minimum or the
 * steps run out.
 * <pre>
 *   x_0 = start
 *   x_{t+1} = optimizer step from x_t with gradient ∇f(x_t)
 *   reached at the first t with |x_t - minimum| &lt; tolerance   (Euclidean distance)
 * </pre>
 */
public final class Minimizer {
    private Minimizer() {
    }

    /**
     * One optimizer's descent.
     *
     * @param path    the point at every step, the start first
     * @param values  f at every step
     * @param reached the first step within the tolerance, or -1 when none was
     */
    public record Descent(String optimizer, List<float[]> path, List<Double> values, int reached) {
    }

    /** Descends from the objective's start with {@code optimizer} for at most {@code steps} steps. */
    public static Descent run(Objective f, String label, Optimizer optimizer, int steps, double tolerance) {
        float[] start = f.start();
        Parameter point = Parameter.zeros("x", start.length);
        System.arraycopy(start, 0, point.value().data(), 0, start.length);
        List<Parameter> parameters = List.of(point);
        List<float[]> path = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        int reached = -1;
        for (int t = 0; t <= steps; t++) {
            float[] x = point.value().data();
            path.add(x.clone());
            values.add(f.value(x));
            if (!Double.isFinite(values.get(t))) {
                break;                                      // diverged: the path shows where
            }
            if (reached < 0 && distance(x, f.minimum()) < tolerance) {
                reached = t;
                break;
            }
            if (t == steps) {
                break;
            }
            f.gradient(x, point.gradient().data());
            optimizer.step(parameters);
        }
        return new Descent(label, path, values, reached);
    }

    private static double distance(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += (double) (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(sum);
    }
}
