package dev.jnn.spark;

import dev.jnn.api.Parameter;
import java.util.List;

/** A model's weights as one array, every parameter's values end to end in order: how they travel. */
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
}
