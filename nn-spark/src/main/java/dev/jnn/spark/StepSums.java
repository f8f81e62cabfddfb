package dev.jnn.spark;

import java.io.Serializable;

/**
 * What the partitions of a step add up: every parameter value's gradient summed over the samples the
 * partition holds of the batch (its batch-mean gradient times its count), the loss and accuracy sums,
 * and the count. Partials are floats summed in double, so the order in which Spark combines them
 * changes nothing unless two partials differ in magnitude by more than 2^29.
 */
final class StepSums implements Serializable {
    private static final long serialVersionUID = 1L;

    double[] gradient;           // null until a partition with samples of the batch adds to it
    double loss;
    double accuracy;
    int count;
    long computeNanos;           // the slowest partition's time computing its sums

    static StepSums empty() {
        return new StepSums();
    }

    /** Adds {@code other} into this one (Spark allows aggregation to reuse its first argument) and returns it. */
    StepSums add(StepSums other) {
        computeNanos = Math.max(computeNanos, other.computeNanos);
        if (other.count == 0) {
            return this;
        }
        if (count == 0) {
            other.computeNanos = computeNanos;
            return other;
        }
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] += other.gradient[i];
        }
        loss += other.loss;
        accuracy += other.accuracy;
        count += other.count;
        return this;
    }
}
