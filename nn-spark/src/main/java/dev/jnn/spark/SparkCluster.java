package dev.jnn.spark;

import dev.jnn.api.data.DataSplit;
import dev.jnn.api.spi.Settings;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.GradientSource;
import dev.jnn.examples.run.Cluster;
import dev.jnn.examples.run.Variants;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaFutureAction;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark application: {@code local[N]} in this JVM, a standalone master ({@code spark://host:port}),
 * or whatever master {@code spark-submit} chose ({@code submit}). Settings given as {@code spark.*}
 * system properties (spark-submit's {@code --conf}) win over the defaults here.
 */
public final class SparkCluster implements Cluster {
    private final JavaSparkContext spark;
    private final SparkSession session;          // reads the spark data source's tables

    /**
     * @param master {@code local[N]}, {@code spark://host:port}, any master URL Spark takes, or {@code submit}
     * @throws IllegalArgumentException when {@code submit} is given outside spark-submit
     */
    public SparkCluster(String master) {
        SparkConf conf = new SparkConf(true).setAppName("jnn");
        if (master.equals("submit")) {
            if (!conf.contains("spark.master")) {
                throw new IllegalArgumentException("--spark submit: no master was set; give one (local[2], spark://host:7077) or run"
                        + " through spark-submit --master ...");
            }
        } else {
            conf.setMaster(master);
        }
        conf.setIfMissing("spark.ui.enabled", "false");
        // The fast kernels on the executors too, and the flags Spark documents for JDK 17.
        conf.setIfMissing("spark.executor.extraJavaOptions", SparkFlags.EXECUTOR_JAVA_OPTIONS);
        if (conf.get("spark.master").startsWith("local")) {
            conf.setIfMissing("spark.driver.host", "127.0.0.1");
            conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
        } else if (!conf.contains("spark.jars")) {
            SparkFlags.applicationJar().ifPresent(jar -> conf.set("spark.jars", jar));
        }
        try {
            this.spark = new JavaSparkContext(conf);
        } catch (Exception e) {                  // SparkException is checked, but Scala does not declare it
            throw new IllegalArgumentException("--spark " + master + ": Spark cannot start: " + e.getMessage()
                    + "; expected local[N], local[N,F], spark://HOST:PORT or submit", e);
        }
        this.session = SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
    }

    /** A cluster on a context the caller made (and stops). */
    public SparkCluster(JavaSparkContext spark) {
        this.spark = spark;
        this.session = SparkSession.builder().sparkContext(spark.sc()).getOrCreate();
    }

    /** The Spark context this cluster runs on. */
    public JavaSparkContext context() {
        return spark;
    }

    @Override
    public String description() {
        return "Spark " + spark.version() + ", " + spark.master();
    }

    /**
     * Submits every variant as a job of one task at once (Spark runs as many together as it has
     * cores), then collects them in order. A task that throws is retried as {@code spark.task.maxFailures}
     * says (4 on a cluster; {@code local[N,F]} for F in local mode); one that fails for good is reported
     * by its variant's name and the others go on.
     */
    @Override
    public List<Outcome> runAll(List<Variants.Variant> variants) {
        List<JavaFutureAction<List<RunOutcome>>> jobs = new ArrayList<>();
        for (Variants.Variant v : variants) {
            SweepTask task = SweepTask.of(v, 1);
            spark.setJobDescription("jnn " + v.label() + " seed " + v.seed());
            jobs.add(spark.parallelize(List.of(task), 1).map(SweepTask::run).collectAsync());
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Variants.Variant v = variants.get(i);
            try {
                RunOutcome outcome = jobs.get(i).get().get(0);
                outcomes.add(outcome.failure() != null ? new Outcome(null, outcome.failure())
                        : new Outcome(outcome.toResult(v.label(), v.seed(), v.spec()), null));
            } catch (ExecutionException e) {
                outcomes.add(new Outcome(null, "its task failed for good on the cluster: " + firstLine(e.getCause())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                jobs.forEach(job -> job.cancel(true));
                throw new IllegalStateException("interrupted while the cluster ran the comparison", e);
            }
        }
        return outcomes;
    }

    /**
     * The run's training rows in {@code spark.default.parallelism} partitions (the cores, on local[N]),
     * or in the partitions Spark SQL reads a {@code spark} data source's table in, with synchronous
     * gradients every step, or parameter averaging every {@code train.averaging_every} batches.
     */
    @Override
    public GradientSource trainingData(RunSpec spec, DataSplit data) {
        Partitions rows;
        if (spec.data().get("name").asString().equals(SparkDataSourceProvider.NAME)) {
            Settings settings = Settings.resolve(new SparkDataSourceProvider(), "data source",
                    spec.data().settingsExcept(Set.of("name")), null);
            rows = Shard.partition(session, spec, DataFrameSource.of(settings, spec.base()));
        } else {
            rows = Shard.partition(spark, spec, data.train().size(), spark.defaultParallelism());
        }
        return spec.averagingEvery() > 0 ? new AveragedCopies(rows, spec.averagingEvery()) : new SparkGradients(rows);
    }

    @Override
    public void close() {
        SparkSession.clearActiveSession();         // the spark data source must not find a stopped session
        SparkSession.clearDefaultSession();
        spark.stop();
    }

    private static String firstLine(Throwable e) {
        String message = e == null || e.getMessage() == null ? String.valueOf(e) : e.getMessage();
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
