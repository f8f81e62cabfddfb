package dev.jnn.spark;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Parameter;
import dev.jnn.core.train.GradientSource;
import java.util.Arrays;
import java.util.List;

/**
 * Synchronous data-parallel gradients: the training rows are split into contiguous partitions, each
 * loaded and kept by an executor ({@link Shard}); every step the driver broadcasts the weights and the
 * batch's sample indices, each partition computes the gradient sum over its samples of the batch,
 * {@code treeAggregate} adds the sums, and the driver's model gets their mean. The batch is the one
 * single-machine training with the same seed takes, so the two agree up to the order of float
 * summation; the trainer on the driver does everything else (the optimizer's step, clipping, schedules,
 * checkpoints, evaluation).
 */
final class SparkGradients implements GradientSource {
    private final Partitions rows;
    private double accuracy = Double.NaN;
    private long steps;
    private long stepNanos;
    private long computeNanos;

    /**
     * Where the steps' time went: {@code stepSeconds} from the broadcast to the mean gradient on the
     * driver, of which {@code computeSeconds} in the slowest partition's gradient computation (the
     * rest is Spark's scheduling, the broadcast, serialization and aggregation).
     */
    record StepTimes(long steps, double stepSeconds, double computeSeconds) {
    }

    StepTimes times() {
        return new StepTimes(steps, stepNanos / 1e9, computeNanos / 1e9);
    }

    void resetTimes() {
        steps = 0;
        stepNanos = 0;
        computeNanos = 0;
    }

    SparkGradients(Partitions rows) {
        this.rows = rows;
    }

    @Override
    public int samples() {
        return rows.samples();
    }

    @Override
    public float computeGradients(Model model, Loss loss, int[] order, int from, int count) {
        long started = System.nanoTime();
        List<Parameter> parameters = model.parameters();
        int[] batch = Arrays.copyOfRange(order, from, from + count);
        StepSums sums = rows.aggregate(parameters, StepSums.empty(), (shard, weights) -> shard.sums(weights, batch), StepSums::add);
        if (sums.count != count) {
            throw new IllegalStateException("--spark: the partitions computed " + sums.count + " samples of a batch of " + count
                    + "; expected every sample once");
        }
        Weights.setMean(sums.gradient, count, parameters, Parameter::gradient);
        accuracy = sums.accuracy / count;
        steps++;
        stepNanos += System.nanoTime() - started;
        computeNanos += sums.computeNanos;
        return (float) (sums.loss / count);
    }

    @Override
    public double lastAccuracy() {
        return accuracy;
    }
}
