package dev.jnn.examples.cli;

import dev.jnn.api.Loss;
import dev.jnn.api.Optimizer;
import dev.jnn.core.data.Synthetic;
import dev.jnn.api.Kernels;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import dev.jnn.api.data.Dataset;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.Evaluation;
import dev.jnn.core.train.Trainer;
import dev.jnn.core.data.Mnist;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;

/**
 * Training throughput of the reference network, 784-256-128-10 with ReLU, on MNIST: warm-up epochs
 * (1000 steps, or 200 and 5 s for slow steps), then the fastest of three measured epochs, per
 * optimizer and batch size.
 *
 * <p>Bytes allocated per step come from the JVM's per-thread allocation counters (the caller's and the
 * engine's helper threads'), read around three windows of 100 warm steps (forward, loss, backward, optimizer step; the least is reported) on
 * one batch: what a fit allocates once per run or per epoch (the shuffled order, each epoch's
 * metrics) is not a step's.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure training throughput (samples/s) of 784-256-128-10 ReLU on MNIST, or of another network"
                + " (--network), or its inference (--predict), or the matrix products alone (--gemm).")
final class BenchCommand implements Runnable {

    @ParentCommand
    Main main;

    @Option(names = "--mnist", paramLabel = "DIR",
            description = "directory of the four MNIST IDX files (raw or .gz); without it, generated data of MNIST's shape")
    Path mnist;

    @Option(names = "--optimizers", split = ",", defaultValue = "adam,sgd",
            description = "adam (lr 1e-3) and/or sgd (lr 0.1) (default: ${DEFAULT-VALUE})")
    List<String> optimizers;

    @Option(names = "--batches", split = ",", defaultValue = "64,256", description = "batch sizes (default: ${DEFAULT-VALUE})")
    List<Integer> batches;

    @Option(names = "--limit", paramLabel = "N", description = "train on the first N samples only (default: all 60,000)")
    Integer limit;

    @Option(names = "--tsv", description = "print tab-separated rows for scripts instead of a table")
    boolean tsv;

    @Option(names = "--network", defaultValue = "mnist",
            description = "mnist (784-256-128-10), tiny (2-64-64-3), wide (784-1024-1024-10) or deep (784, 10 x 256, 10);"
                    + " all but mnist train on generated data (default: ${DEFAULT-VALUE})")
    String network;

    @Option(names = "--predict", description = "measure predict (inference into a caller's buffer) instead of training:"
            + " microseconds per call at batch 1, samples/s at batch 256")
    boolean predict;

    @Option(names = "--gemm", description = "measure the matrix products alone (GFLOP/s at the network's shapes, 1 and 2 threads) instead of training")
    boolean gemm;

    private static final int WARM_UP_STEPS = 1000;
    /** A network whose steps take long (the wide one) is warm after this many steps once 5 s have passed. */
    private static final int MIN_WARM_UP_STEPS = 200;
    /**
     * Epochs measured after the warm-up; the fastest is reported. On a shared machine other tenants slow
     * single epochs by 10-50%, and the least time is what the code costs (tools/bench/side_by_side.py
     * measures PyTorch and numpy the same way).
     */
    private static final int MEASURED_EPOCHS = 3;

    private static final Map<String, Double> LEARNING_RATES = Map.of("adam", 1e-3, "sgd", 0.1);

    @Override
    public void run() {
        if (gemm) {
            GemmBenchmark.run(batches, tsv);
            return;
        }
        int[] sizes = NETWORKS.get(network);
        if (sizes == null) {
            throw new IllegalArgumentException("bench: unknown --network '" + network + "'; known: " + NETWORKS.keySet());
        }
        if (predict) {
            PredictBenchmark.run(build(sizes), tsv);
            return;
        }
        for (String name : optimizers) {
            if (!LEARNING_RATES.containsKey(name)) {
                throw new IllegalArgumentException("bench: optimizer '" + name + "' is not benchmarked; use adam or sgd");
            }
        }
        Dataset train;
        Dataset test;
        String source;
        if (mnist != null && sizes[0] != 784) {
            throw new IllegalArgumentException("bench: --mnist needs a network with 784 inputs; '" + network + "' has " + sizes[0]);
        }
        if (mnist != null) {
            train = Mnist.train(mnist);
            test = Mnist.test(mnist);
            source = "MNIST from " + mnist;
        } else {
            Dataset all = Synthetic.blobs(70_000, sizes[0], sizes[sizes.length - 1], 0.5, 1);
            train = all.slice(0, 60_000);
            test = all.slice(60_000, 70_000);
            source = "generated blobs, " + sizes[0] + " features, " + sizes[sizes.length - 1] + " classes";
        }
        if (limit != null) {
            if (limit < 1) {
                throw new IllegalArgumentException("bench: --limit must be at least 1, got " + limit);
            }
            train = train.slice(0, Math.min(limit, train.size()));
        }
        if (!tsv) {
            System.out.printf("jnn bench: %s ReLU, softmax cross-entropy; %s (%d train, %d test)%n", describe(sizes), source,
                    train.size(), test.size());
            System.out.printf("kernels: %s; Java %s%n", main.engine().kernels().name(), Runtime.version());
            System.out.printf("%-9s %5s %10s %8s %9s %11s%n", "optimizer", "batch", "samples/s", "epoch s", "test acc", "bytes/step");
        } else {
            System.out.println("optimizer\tbatch\tsamples_per_s\tepoch_s\ttest_accuracy\tbytes_per_step");
        }
        for (String name : optimizers) {
            for (int batch : batches) {
                report(name, batch, measure(sizes, name, batch, train, test));
            }
        }
    }

    private record Result(double samplesPerSecond, double seconds, double accuracy, double bytesPerStep) {
    }

    /** Layer widths, input first, of the networks benchmarked. */
    static final Map<String, int[]> NETWORKS = Map.of(
            "mnist", new int[] {784, 256, 128, 10},
            "tiny", new int[] {2, 64, 64, 3},
            "wide", new int[] {784, 1024, 1024, 10},
            "deep", new int[] {784, 256, 256, 256, 256, 256, 256, 256, 256, 256, 256, 10});

    static String describe(int[] sizes) {
        return String.join("-", java.util.Arrays.stream(sizes).mapToObj(Integer::toString).toList());
    }

    /** ReLU hidden layers with He initialization, then a linear output layer. */
    private Sequential build(int[] sizes) {
        Dense[] layers = new Dense[sizes.length - 1];
        for (int k = 1; k < sizes.length; k++) {
            layers[k - 1] = (k < sizes.length - 1 ? Dense.withActivation(sizes[k], "relu") : new Dense(sizes[k])).init("he_uniform");
        }
        return new Sequential(layers).build(main.engine(), 1, sizes[0]);
    }

    private Result measure(int[] sizes, String optimizerName, int batch, Dataset train, Dataset test) {
        Sequential model = build(sizes);
        Loss loss = new SoftmaxCrossEntropy();
        Optimizer optimizer = main.engine().providers().optimizer(optimizerName, Map.of("lr", LEARNING_RATES.get(optimizerName)));
        Trainer.Builder trainer = Trainer.builder().model(model).loss(loss).batchSize(batch).seed(1).optimizer(optimizer);
        int steps = (train.size() + batch - 1) / batch;
        // Warm-up: WARM_UP_STEPS steps (or MIN_WARM_UP_STEPS and 5 s, for a network whose steps are
        // slow), so that the JIT has compiled every path (until then Vector API code allocates its
        // vectors) and what is measured is the steady state.
        long start = System.nanoTime();
        int warm = 0;
        while (warm < WARM_UP_STEPS && (warm < MIN_WARM_UP_STEPS || System.nanoTime() - start < 5_000_000_000L)) {
            trainer.epochs(1).build().fit(train);
            warm += steps;
        }
        EpochMetrics measured = null;
        for (int e = 0; e < MEASURED_EPOCHS; e++) {
            EpochMetrics epoch = trainer.epochs(1).build().fit(train).last();
            if (measured == null || epoch.seconds() < measured.seconds()) {
                measured = epoch;
            }
        }
        double accuracy = Evaluation.of(model, loss, test, 1000).accuracy();
        return new Result(measured.samplesPerSecond(), measured.seconds(), accuracy,
                bytesPerStep(model, loss, optimizer, train.slice(0, Math.min(batch, train.size()))));
    }

    /**
     * The bytes one warm training step allocates, on this thread and the engine's helper threads (other
     * threads of the JVM allocate for reasons of their own): the least of three windows of 100 steps on
     * one batch. A step that allocates does so in every window; a window can also catch a one-off, such
     * as the interpreter running a method while the JIT swaps in its recompiled code, which is not the
     * steady state this reports.
     */
    private static double bytesPerStep(Sequential model, Loss loss, Optimizer optimizer, Dataset batch) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = java.util.stream.Stream.concat(java.util.stream.Stream.of(Thread.currentThread()),
                        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("jnn-engine-")))
                .mapToLong(Thread::getId).toArray();           // listed before: listing allocates
        int steps = 100;
        long least = Long.MAX_VALUE;
        for (int window = 0; window < 3; window++) {
            long before = allocatedBytes(threads, ids);
            for (int i = 0; i < steps; i++) {
                loss.forward(model.forward(batch.features(), true), batch.targets());
                model.backward(loss.backward(), false);
                optimizer.step(model.parameters());
            }
            least = Math.min(least, allocatedBytes(threads, ids) - before);
        }
        return least / (double) steps;
    }

    /** The sum of the threads' allocation counters, read one at a time (which allocates nothing). */
    private static long allocatedBytes(com.sun.management.ThreadMXBean threads, long[] ids) {
        long total = 0;
        for (long id : ids) {
            total += Math.max(0, threads.getThreadAllocatedBytes(id));
        }
        return total;
    }

    private void report(String optimizer, int batch, Result r) {
        if (tsv) {
            System.out.printf("%s\t%d\t%.0f\t%.3f\t%.4f\t%.0f%n", optimizer, batch, r.samplesPerSecond, r.seconds,
                    r.accuracy, r.bytesPerStep);
        } else {
            System.out.printf("%-9s %5d %10.0f %8.2f %8.2f%% %11.0f%n", optimizer, batch, r.samplesPerSecond, r.seconds,
                    100 * r.accuracy, r.bytesPerStep);
        }
    }


}
