package dev.jnn.core.train;

import dev.jnn.api.Parameter;
import java.util.List;

/**
 * Gradient clipping, as PyTorch's {@code clip_grad_norm_} and {@code clip_grad_value_}: the remedy for
 * exploding gradients that keeps their direction (by norm) or bounds each element (by value).
 * <pre>
 *   norm  = sqrt(sum over every parameter's gradient of g²)
 *   by norm:   g = g * maxNorm / (norm + 1e-6)      when that factor is below 1
 *   by value:  g = clamp(g, -value, value)
 * </pre>
 */
public final class Clipping {
    private Clipping() {
    }

    /** The L2 norm of all the gradients together. */
    public static double globalNorm(List<Parameter> parameters) {
        double sum = 0;
        for (int i = 0; i < parameters.size(); i++) {
            float[] g = parameters.get(i).gradient().data();
            for (float v : g) {
                sum += (double) v * v;
            }
        }
        return Math.sqrt(sum);
    }

    /** Clips in place; true when anything changed. Either limit may be 0 (off). */
    public static boolean clip(List<Parameter> parameters, double norm, double maxNorm, double maxValue) {
        boolean clipped = false;
        if (maxNorm > 0) {
            double coefficient = maxNorm / (norm + 1e-6);
            if (coefficient < 1) {
                float c = (float) coefficient;
                for (int i = 0; i < parameters.size(); i++) {
                    float[] g = parameters.get(i).gradient().data();
                    for (int j = 0; j < g.length; j++) {
                        g[j] *= c;
                    }
                }
                clipped = true;
            }
        }
        if (maxValue > 0) {
            float v = (float) maxValue;
            for (int i = 0; i < parameters.size(); i++) {
                float[] g = parameters.get(i).gradient().data();
                for (int j = 0; j < g.length; j++) {
                    if (g[j] > v || g[j] < -v) {
                        g[j] = Math.max(-v, Math.min(v, g[j]));
                        clipped = true;
                    }
                }
            }
        }
        return clipped;
    }
}
