package dev.jnn.spark;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Parameter;
import dev.jnn.core.train.GradientSource;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

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
    private final JavaSparkContext spark;
    private final int samples;
    private final JavaRDD<Shard> shards;
    private float[] weights = new float[0];
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

    SparkGradients(JavaSparkContext spark, JavaRDD<Shard> shards, int samples) {
        this.spark = spark;
        this.shards = shards;
        this.samples = samples;
    }

    @Override
    public int samples() {
        return samples;
    }

    @Override
    public float computeGradients(Model model, Loss loss, int[] order, int from, int count) {
        long started = System.nanoTime();
        List<Parameter> parameters = model.parameters();
        weights = Weights.flatten(parameters, weights);
        Broadcast<float[]> current = spark.broadcast(weights);
        int[] batch = Arrays.copyOfRange(order, from, from + count);
        StepSums sums;
        try {
            sums = shards.treeAggregate(StepSums.empty(), (acc, shard) -> acc.add(shard.sums(current.value(), batch)),
                    StepSums::add, 2);
        } finally {
            current.destroy();
        }
        if (sums.count != count) {
            throw new IllegalStateException("--spark: the partitions computed " + sums.count + " samples of a batch of " + count
                    + "; expected every sample once");
        }
        int at = 0;
        for (Parameter p : parameters) {
            float[] g = p.gradient().data();
            for (int i = 0; i < p.size(); i++) {
                g[i] = (float) (sums.gradient[at++] / count);
            }
        }
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
