package dev.jnn.spark;

import dev.jnn.api.OptimizerState;
import dev.jnn.api.Parameter;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the copies of a parameter-averaging round add up: the copies' weights and optimizer buffers
 * (summed, to be divided by the number of copies), the largest step count, and per batch of the
 * round the loss and accuracy sums and the samples. Sums in double: the order Spark combines them in
 * changes nothing unless two partials differ in magnitude by more than 2^29.
 */
final class CopySums implements Serializable {
    private static final long serialVersionUID = 1L;

    final double[] loss;
    final double[] accuracy;
    final int[] count;
    int copies;
    double[] weights;
    LinkedHashMap<String, double[]> buffers = new LinkedHashMap<>();
    long step;
    LinkedHashMap<String, Long> parameterSteps = new LinkedHashMap<>();

    CopySums(int batches) {
        loss = new double[batches];
        accuracy = new double[batches];
        count = new int[batches];
    }

    void addBatch(int j, double lossSum, double accuracySum, int n) {
        loss[j] += lossSum;
        accuracy[j] += accuracySum;
        count[j] += n;
    }

    boolean trained() {
        for (int n : count) {
            if (n > 0) {
                return true;
            }
        }
        return false;
    }

    /** Adds one trained copy's weights and optimizer state. */
    void addCopy(List<Parameter> parameters, OptimizerState state) {
        copies = 1;
        weights = Weights.scaled(parameters, Parameter::value, 1);
        state.buffers().forEach((key, values) -> {
            double[] sum = new double[values.length];
            for (int i = 0; i < values.length; i++) {
                sum[i] = values[i];
            }
            buffers.put(key, sum);
        });
        step = state.step();
        parameterSteps.putAll(state.parameterSteps());
    }

    /** Adds {@code other} into this one and returns it (Spark's aggregation may reuse its first argument). */
    CopySums add(CopySums other) {
        for (int j = 0; j < loss.length; j++) {
            addBatch(j, other.loss[j], other.accuracy[j], other.count[j]);
        }
        if (other.copies == 0) {
            return this;
        }
        if (copies == 0) {
            weights = other.weights;
            buffers = other.buffers;
        } else {
            addInto(weights, other.weights);
            other.buffers.forEach((key, values) -> addInto(buffers.get(key), values));
        }
        copies += other.copies;
        step = Math.max(step, other.step);
        other.parameterSteps.forEach((key, steps) -> parameterSteps.merge(key, steps, Math::max));
        return this;
    }

    private static void addInto(double[] sum, double[] values) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += values[i];
        }
    }

    /** The copies' mean weights into the model's parameters. */
    void averageInto(List<Parameter> parameters) {
        Weights.setMean(weights, copies, parameters, Parameter::value);
    }

    /** The copies' mean optimizer state. */
    OptimizerState averageState() {
        Map<String, float[]> mean = new LinkedHashMap<>();
        buffers.forEach((key, sum) -> {
            float[] m = new float[sum.length];
            for (int i = 0; i < sum.length; i++) {
                m[i] = (float) (sum[i] / copies);
            }
            mean.put(key, m);
        });
        return new OptimizerState(step, mean, parameterSteps);
    }

    /** An optimizer's state as it travels to the executors. */
    record State(long step, LinkedHashMap<String, float[]> buffers, LinkedHashMap<String, Long> parameterSteps) implements Serializable {
        static State of(OptimizerState state) {
            return new State(state.step(), new LinkedHashMap<>(state.buffers()), new LinkedHashMap<>(state.parameterSteps()));
        }

        OptimizerState toOptimizerState() {
            return new OptimizerState(step, buffers, parameterSteps);
        }
    }
}
