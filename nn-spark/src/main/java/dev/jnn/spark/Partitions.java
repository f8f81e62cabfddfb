package dev.jnn.spark;

import dev.jnn.api.Parameter;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.broadcast.Broadcast;

/**
 * A run's training rows as the executors hold them ({@link Shard}s, numbered 0 to samples - 1 in
 * order), and the one round trip both kinds of data-parallel training make: broadcast the model's
 * weights, have every shard compute something from them, add the results with {@code treeAggregate}.
 */
final class Partitions {
    private final JavaSparkContext spark;
    private final JavaRDD<Shard> shards;
    private final int samples;
    private float[] weights = new float[0];      // the weights end to end, a buffer reused from round to round

    Partitions(JavaSparkContext spark, JavaRDD<Shard> shards, int samples) {
        this.spark = spark;
        this.shards = shards;
        this.samples = samples;
    }

    int samples() {
        return samples;
    }

    /** How many partitions hold the rows. */
    int count() {
        return shards.getNumPartitions();
    }

    /** What a shard computes from the broadcast weights; it travels to the executors. */
    interface ShardWork<U> extends Serializable {
        U apply(Shard shard, float[] weights);
    }

    /**
     * Broadcasts {@code parameters}' values, adds up {@code work} over every shard with {@code add}
     * (from {@code zero}), and drops the broadcast.
     */
    <U> U aggregate(List<Parameter> parameters, U zero, ShardWork<U> work, Function2<U, U, U> add) {
        weights = Weights.flatten(parameters, weights);
        Broadcast<float[]> current = spark.broadcast(weights);
        try {
            return shards.treeAggregate(zero, (acc, shard) -> add.call(acc, work.apply(shard, current.value())), add, 2);
        } finally {
            current.destroy();
        }
    }
}
