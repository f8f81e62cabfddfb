package dev.jnn.spark;

import dev.jnn.core.Engine;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.TrainingControl;
import dev.jnn.core.train.TrainingListener;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Synchronous data-parallel training against one machine: MNIST 784-256-128-10 (Adam) at a global
 * batch of 1024, samples/s of the second epoch (the first warms up), in this process with all cores,
 * on Spark {@code local[2]}, and on a standalone master and worker started here ({@code --standalone});
 * for Spark, the time per step and how much of it the slowest partition spent computing.
 * <pre>
 *   java [flags] -cp "nn-spark/target/jnn-spark.jar:nn-spark/target/lib/*" dev.jnn.spark.SparkBenchmark DIR [--standalone] [--batch N]
 * </pre>
 */
public final class SparkBenchmark {
    private static final String RUN = """
            seed: 1
            data: { name: mnist, dir: "%s" }
            model:
              defaults: { activation: relu, init: he_uniform }
              layers:
                - { type: dense, units: 256 }
                - { type: dense, units: 128 }
                - { type: dense, units: 10, activation: identity, init: xavier_uniform }
            loss: softmax_cross_entropy
            optimizer: { type: adam, lr: 0.001 }
            train: { epochs: 2, batch: %d }
            """;

    private SparkBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SparkBenchmark MNIST_DIR [--standalone] [--batch N]");
            System.exit(2);
        }
        Path mnist = Path.of(args[0]).toAbsolutePath();
        List<String> options = List.of(args).subList(1, args.length);
        int batch = options.contains("--batch") ? Integer.parseInt(options.get(options.indexOf("--batch") + 1)) : 1024;
        String run = String.format(Locale.ROOT, RUN, mnist, batch);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf(Locale.ROOT, "MNIST 784-256-128-10, Adam, global batch %d, samples/s of epoch 2; %d cores, Java %s%n", batch, cores,
                System.getProperty("java.version"));
        System.out.printf("%-34s %10s %9s %12s %12s%n", "where", "samples/s", "ms/step", "compute ms", "outside ms");
        try (Engine engine = Engine.builder().threads(cores).build()) {
            RunResult here = new Runner().run("here", spec(engine, run), List.of());
            EpochMetrics second = here.history().last();
            System.out.printf(Locale.ROOT, "%-34s %10.0f %9.1f %12s %12s%n", "one machine, " + cores + " threads",
                    second.samplesPerSecond(), 1000.0 * batch / second.samplesPerSecond(), "-", "-");
        }
        try (SparkCluster local = new SparkCluster("local[" + cores + "]")) {
            measure("Spark local[" + cores + "]", local, run, batch);
        }
        if (options.contains("--standalone")) {
            Path jar = SparkFlags.applicationJar().map(Path::of)
                    .orElseThrow(() -> new IllegalStateException("--standalone needs nn-spark/target/jnn-spark.jar: mvn package"));
            try (StandaloneCluster standalone = new StandaloneCluster(jar.resolveSibling("lib"),
                    Files.createTempDirectory("jnn-standalone"), cores)) {
                SparkConf conf = standalone.driverConf("jnn-benchmark", jar)
                        .set("spark.executor.memory", "1g").set("spark.default.parallelism", String.valueOf(cores));
                try (SparkCluster cluster = new SparkCluster(new JavaSparkContext(conf))) {
                    measure("Spark standalone, 1 worker x " + cores, cluster, run, batch);
                }
            }
        }
    }

    private static RunSpec spec(Engine engine, String run) {
        return RunSpec.bind(engine, RunFiles.parseYaml(run, "benchmark.yaml"), "benchmark.yaml", Path.of(""));
    }

    /** Trains two epochs with the cluster's gradients; prints the second epoch's figures. */
    private static void measure(String where, SparkCluster cluster, String run, int batch) {
        AtomicReference<SparkGradients> gradients = new AtomicReference<>();
        TrainingListener warmUp = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
                if (metrics.epoch() == 1) {
                    gradients.get().resetTimes();
                }
            }
        };
        try (Engine engine = Engine.builder().threads(1).build()) {
            RunResult result = new Runner((spec, data) -> {
                gradients.set((SparkGradients) cluster.trainingData(spec, data));
                return gradients.get();
            }).run(where, spec(engine, run), List.of(warmUp));
            EpochMetrics second = result.history().last();
            SparkGradients.StepTimes times = gradients.get().times();
            double step = 1000 * times.stepSeconds() / times.steps();
            double compute = 1000 * times.computeSeconds() / times.steps();
            System.out.printf(Locale.ROOT, "%-34s %10.0f %9.1f %12.1f %12.1f%n", where, second.samplesPerSecond(),
                    1000.0 * batch / second.samplesPerSecond(), compute, step - compute);
        }
    }
}
