package dev.jnn.spark;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Parameter;
import dev.jnn.core.config.LayerSpec;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.GradientSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * Synchronous data-parallel gradients: the training rows are split into contiguous partitions, each
 * loaded and kept by an executor ({@link Shard}); every step the driver broadcasts the weights and the
 * batch's sample indices, each partition computes the gradient sum over its samples of the batch,
 * {@code treeAggregate} adds the sums, and the driver's model gets their mean. The batch is the one
 * single-machine training with the same seed takes, so the two agree up to the order of float
 * summation; the trainer on the driver does everything else (the optimizer's step, clipping, schedules,
 * checkpoints, evaluation).
 */
final class SparkGradients implements GradientSource, AutoCloseable {
    // Layers whose state lives outside their parameters would keep it on the executors, where the
    // driver's model never sees it.
    private static final Set<String> EXECUTOR_STATE = Set.of("batch_norm", "dropout");

    private final JavaSparkContext spark;
    private final int samples;
    private final JavaRDD<Shard> shards;
    private float[] weights = new float[0];
    private double accuracy = Double.NaN;

    SparkGradients(JavaSparkContext spark, RunSpec spec, int samples, int partitions) {
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            if (EXECUTOR_STATE.contains(layer.type())) {
                throw new IllegalArgumentException("--spark: model.layers[" + i + "] is '" + layer.type() + "', whose state (running"
                        + " statistics, a random stream) would stay on the executors; data-parallel training supports layers whose"
                        + " state is their parameters");
            }
        }
        this.spark = spark;
        this.samples = samples;
        RunBlueprint run = RunBlueprint.of(spec, 1);
        List<Shard> parts = new ArrayList<>();
        int count = Math.max(1, Math.min(partitions, samples));
        for (int p = 0; p < count; p++) {
            parts.add(new Shard(run, (int) ((long) samples * p / count), (int) ((long) samples * (p + 1) / count)));
        }
        // Each partition is one small Shard (the run file and a row range); its executor loads the rows.
        this.shards = spark.parallelize(parts, count).persist(StorageLevel.MEMORY_ONLY());
    }

    @Override
    public int samples() {
        return samples;
    }

    @Override
    public float computeGradients(Model model, Loss loss, int[] order, int from, int count) {
        List<Parameter> parameters = model.parameters();
        flatten(parameters);
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
        return (float) (sums.loss / count);
    }

    @Override
    public double lastAccuracy() {
        return accuracy;
    }

    /** The model's weights end to end, into a buffer reused from step to step. */
    private void flatten(List<Parameter> parameters) {
        int total = parameters.stream().mapToInt(Parameter::size).sum();
        if (weights.length != total) {
            weights = new float[total];
        }
        int at = 0;
        for (Parameter p : parameters) {
            System.arraycopy(p.value().data(), 0, weights, at, p.size());
            at += p.size();
        }
    }

    @Override
    public void close() {
        shards.unpersist(false);
    }
}
