package dev.jnn.spark;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Optimizer;
import dev.jnn.api.Parameter;
import dev.jnn.api.data.Dataset;
import dev.jnn.core.Engine;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.Clipping;
import dev.jnn.core.train.GradientSource;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;

/**
 * One partition of the training data on an executor: rows {@code start..end} of the run's training
 * set, and a model of the run's architecture to compute their gradients with. Cached by Spark as this
 * object, so the rows are loaded and the model built once per executor, not once per step; a shard
 * that is evicted or lost is simply built again.
 */
final class Shard implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RunBlueprint run;
    private final int start;
    private final int end;
    // Rows a DataFrame partition gave (else loaded from the run's data). Transient like the model: a
    // shard is cached as this object (MEMORY_ONLY), never serialized after it is built.
    private transient Dataset given;
    private transient RunSpec spec;
    private transient Model model;
    private transient Loss loss;
    private transient GradientSource rows;
    private transient int[] local;

    // Layers whose state lives outside their parameters would keep it on the executors, where the
    // driver's model never sees it.
    private static final Set<String> EXECUTOR_STATE = Set.of("batch_norm", "dropout");

    /**
     * The run's training rows cut into {@code partitions} contiguous ranges, one {@link Shard} each, kept
     * in memory by the executors.
     *
     * @throws IllegalArgumentException for a model with a layer whose state would stay on the executors
     */
    static Partitions partition(JavaSparkContext spark, RunSpec spec, int samples, int partitions) {
        refuseExecutorState(spec);
        RunBlueprint run = RunBlueprint.of(spec, 1);
        int count = Math.max(1, Math.min(partitions, samples));
        List<Shard> parts = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            parts.add(new Shard(run, (int) ((long) samples * p / count), (int) ((long) samples * (p + 1) / count)));
        }
        // Each partition is one small Shard (the run file and a row range); its executor loads the rows.
        return new Partitions(spark, spark.parallelize(parts, count).persist(StorageLevel.MEMORY_ONLY()), samples);
    }

    /** @throws IllegalArgumentException for a model with a layer whose state would stay on the executors */
    static void refuseExecutorState(RunSpec spec) {
        for (int i = 0; i < spec.layers().size(); i++) {
            String type = spec.layers().get(i).type();
            if (EXECUTOR_STATE.contains(type)) {
                throw new IllegalArgumentException("--spark: model.layers[" + i + "] is '" + type + "', whose state (running"
                        + " statistics, a random stream) would stay on the executors; data-parallel training supports layers whose"
                        + " state is their parameters");
            }
        }
    }

    Shard(RunBlueprint run, int start, int end) {
        this.run = run;
        this.start = start;
        this.end = end;
    }

    /** A partition of a DataFrame: its rows, which are samples {@code start ..} of the whole table. */
    private Shard(RunBlueprint run, int start, Dataset rows) {
        this(run, start, rows == null ? start : start + rows.size());     // null: an empty partition
        this.given = rows;
    }

    /**
     * The partitions of a {@code spark} data source's training table, each read by its executor into a
     * Shard and kept in memory. A first job counts each partition's rows, so that the samples are
     * numbered 0, 1, ... across partitions in order, as the batch order needs.
     */
    static Partitions partition(SparkSession session, RunSpec spec, DataFrameSource source) {
        refuseExecutorState(spec);
        org.apache.spark.sql.Dataset<Row> table = source.training(session);
        int features = table.columns().length - 1;
        JavaRDD<Row> rows = table.javaRDD();
        List<Integer> counts = rows.mapPartitions(it -> {
            int n = 0;
            for (; it.hasNext(); it.next()) {
                n++;
            }
            return List.of(n).iterator();
        }).collect();
        int[] starts = new int[counts.size()];
        long total = 0;
        for (int p = 0; p < counts.size(); p++) {
            starts[p] = (int) total;
            total += counts.get(p);
        }
        if (total > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("data source 'spark': " + source.path() + " has " + total + " rows; at most "
                    + Integer.MAX_VALUE + " are numbered");
        }
        RunBlueprint run = RunBlueprint.of(spec, 1);
        JavaRDD<Shard> shards = rows.mapPartitionsWithIndex((p, it) -> List.of(new Shard(run, starts[p],
                source.rows(it, features, source.path() + ", partition " + p))).iterator(), true);
        return new Partitions(JavaSparkContext.fromSparkContext(session.sparkContext()), shards.persist(StorageLevel.MEMORY_ONLY()),
                (int) total);
    }

    /**
     * Trains a copy of the model, from {@code weights} and the optimizer's {@code state}, on this
     * partition's samples of each of {@code batches} in turn (clipped as the run says; a batch with
     * none of them is skipped), and returns the copy's weights and state with the batches' sums.
     */
    CopySums trainCopy(float[] weights, CopySums.State state, double learningRate, int[][] batches) {
        if (start == end) {
            return new CopySums(batches.length);        // an empty partition trains no copy
        }
        prepare();
        Weights.copyInto(weights, model.parameters());
        Optimizer optimizer = spec.newOptimizer();
        if (Double.isFinite(learningRate)) {
            optimizer.setLearningRate(learningRate);
        }
        optimizer.loadState(state.toOptimizerState(), model.parameters());
        CopySums sums = new CopySums(batches.length);
        for (int j = 0; j < batches.length; j++) {
            int n = localRows(batches[j]);
            if (n == 0) {
                continue;
            }
            float meanLoss = rows.computeGradients(model, loss, local, 0, n);
            if (spec.clipNorm() > 0 || spec.clipValue() > 0) {
                Clipping.clip(model.parameters(), Clipping.globalNorm(model.parameters()), spec.clipNorm(), spec.clipValue());
            }
            optimizer.step(model.parameters());
            sums.addBatch(j, (double) meanLoss * n, rows.lastAccuracy() * n, n);
        }
        if (sums.trained()) {
            sums.addCopy(model.parameters(), optimizer.state());
        }
        return sums;
    }

    /** This partition's rows of {@code batch}, as local row numbers in {@code local}; how many there are. */
    private int localRows(int[] batch) {
        if (local == null || local.length < batch.length) {
            local = new int[batch.length];
        }
        int n = 0;
        for (int index : batch) {
            if (index >= start && index < end) {
                local[n++] = index - start;
            }
        }
        return n;
    }

    /**
     * The sums of this partition's samples of a batch, the model's weights set to {@code weights}
     * (every parameter's values, in order, end to end).
     */
    StepSums sums(float[] weights, int[] batch) {
        int n = localRows(batch);
        StepSums sums = StepSums.empty();
        if (n == 0) {
            return sums;
        }
        long started = System.nanoTime();
        prepare();
        Weights.copyInto(weights, model.parameters());
        float meanLoss = rows.computeGradients(model, loss, local, 0, n);
        sums.count = n;
        sums.loss = (double) meanLoss * n;
        sums.accuracy = rows.lastAccuracy() * n;
        sums.gradient = Weights.scaled(model.parameters(), Parameter::gradient, n);
        sums.computeNanos = System.nanoTime() - started;
        return sums;
    }

    /** Loads the rows and builds the model on first use in this executor. */
    private void prepare() {
        if (model != null) {
            return;
        }
        Engine engine = run.newEngine();
        spec = run.bind(engine);
        Dataset mine = given != null ? given : spec.loadData().train().slice(start, end);
        rows = GradientSource.local(mine);
        model = spec.newModel(mine.sampleShape());
        loss = spec.newLoss();
    }
}
