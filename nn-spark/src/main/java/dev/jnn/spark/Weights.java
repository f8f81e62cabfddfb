package dev.jnn.spark;

import dev.jnn.api.Parameter;
import dev.jnn.api.Tensor;
import java.util.List;
import java.util.function.Function;

/** A model's weights (or gradients) as one array, every parameter's values end to end in order: how they travel. */
final class Weights {
    private Weights() {
    }

    /** The weights, into {@code buffer} when it has the right length (reused from step to step), else a new array. */
    static float[] flatten(List<Parameter> parameters, float[] buffer) {
        int total = parameters.stream().mapToInt(Parameter::size).sum();
        float[] out = buffer.length == total ? buffer : new float[total];
        int at = 0;
        for (Parameter p : parameters) {
            System.arraycopy(p.value().data(), 0, out, at, p.size());
            at += p.size();
        }
        return out;
    }

    /** Sets every parameter's values from {@code weights}. */
    static void copyInto(float[] weights, List<Parameter> parameters) {
        int at = 0;
        for (Parameter p : parameters) {
            System.arraycopy(weights, at, p.value().data(), 0, p.size());
            at += p.size();
        }
    }

    /** Every parameter's {@code part} (its value or its gradient) end to end, each times {@code scale}, in double. */
    static double[] scaled(List<Parameter> parameters, Function<Parameter, Tensor> part, double scale) {
        double[] out = new double[parameters.stream().mapToInt(Parameter::size).sum()];
        int at = 0;
        for (Parameter p : parameters) {
            float[] v = part.apply(p).data();
            for (int i = 0; i < p.size(); i++) {
                out[at++] = (double) v[i] * scale;
            }
        }
        return out;
    }

    /** Sets every parameter's {@code part} to {@code sums / divisor}, end to end, rounded to float. */
    static void setMean(double[] sums, double divisor, List<Parameter> parameters, Function<Parameter, Tensor> part) {
        int at = 0;
        for (Parameter p : parameters) {
            float[] v = part.apply(p).data();
            for (int i = 0; i < p.size(); i++) {
                v[i] = (float) (sums[at++] / divisor);
            }
        }
    }
}
