package dev.jnn.examples.cli;

import dev.jnn.core.train.Position;
import dev.jnn.examples.report.HtmlReport;
import dev.jnn.examples.report.MetricsLog;
import dev.jnn.examples.report.MetricsFiles;
import dev.jnn.examples.report.SummaryTable;
import dev.jnn.examples.run.Cluster;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import dev.jnn.examples.run.Variants;
import dev.jnn.examples.run.Variants.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Trains the variants of one or more run files side by side: every {@code --vary} combination and
 * seed, each on the same data, the same initial weights and the same batch order, in parallel threads
 * (which changes no number); prints a table and writes the run folder with the report.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train variants of run files side by side and report how they compare.",
                "Example: jnn compare examples/spirals.yaml --vary optimizer.type=sgd,momentum,rmsprop,adam"})
final class CompareCommand implements Runnable {

    @ParentCommand
    Main main;

    @Parameters(arity = "1..*", paramLabel = "RUN_FILE", description = "run files (.yaml, .yml or .json); several compare with each other")
    List<Path> files;

    @Option(names = "--vary", paramLabel = "KEY=V1,V2,...", description = "run once per value; several --vary make a grid")
    List<String> varies = new ArrayList<>();

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key of every run file, such as optimizer.lr=0.01")
    List<String> sets = new ArrayList<>();

    @Option(names = "--seeds", defaultValue = "1", description = "runs per variant, seeds s, s+1, ... (default: ${DEFAULT-VALUE}); reported as mean ± spread")
    int seeds;

    @Option(names = "--target", defaultValue = "0.9", description = "accuracy whose first epoch the table shows (default: ${DEFAULT-VALUE})")
    double target;

    @Option(names = "--parallel", description = "variants trained at once (default: the number of cores)")
    Integer parallel;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/<date-time>-compare)")
    Path out;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "run each variant and seed as a task on Apache Spark: local[N], spark://HOST:PORT, or 'submit' for spark-submit's master")
    String spark;

    @Override
    public void run() {
        if (parallel != null && parallel < 1) {
            throw new IllegalArgumentException("--parallel must be at least 1, got " + parallel);
        }
        List<Variant> variants = Variants.expand(main.engine(), files, sets, varies, seeds);
        if (Variants.labels(variants).size() * seeds != variants.size()) {
            throw new IllegalArgumentException("two variants have the same name: " + variants.stream().map(Variant::label).toList());
        }
        Runner runner = new Runner();
        variants.forEach(v -> runner.data(v.spec()));             // a missing or bad data file fails here, before any run
        int threads = Math.max(1, Math.min(variants.size(), parallel != null ? parallel : Runtime.getRuntime().availableProcessors()));
        boolean bar = threads == 1 && Progress.terminal() && spark == null;
        Cluster cluster = spark == null ? null : Cluster.connect(spark);
        System.out.printf("comparing %d run%s (%d variant%s x %d seed%s) on %s, %s%n", variants.size(),
                variants.size() == 1 ? "" : "s", Variants.labels(variants).size(), Variants.labels(variants).size() == 1 ? "" : "s",
                seeds, seeds == 1 ? "" : "s", runner.data(variants.get(0).spec()).description(),
                cluster == null ? threads + " at a time" : "each a task on " + cluster.description());
        List<RunResult> results = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        OutputFolder output;
        try (cluster) {
            output = OutputFolder.claim(out, "compare");     // before training: a taken or unwritable folder fails now
            try {
                MetricsLog.start(output.partial());              // each run appends its epochs: a killed comparison keeps them
                if (cluster == null) {
                    runAll(runner, variants, threads, new Progress.Style(bar, main.terminalWidth(bar)), output.partial(), results, failures);
                } else {
                    runOn(cluster, variants, results, failures);
                }
            } catch (RuntimeException e) {
                output.abandon();
                throw e;
            }
        }
        if (results.isEmpty()) {
            output.abandon();
            throw new IllegalStateException("every run failed:\n  " + String.join("\n  ", failures));
        }
        SummaryTable table = new SummaryTable(results, target);
        System.out.print(table.render());
        failures.forEach(f -> System.out.println("FAILED " + f));
        Path folder = output.complete(dir -> {
            MetricsFiles.write(results, dir);
            HtmlReport.write("jnn compare: " + String.join(", ", files.stream().map(Path::toString).toList()), results,
                    table, failures, dir.resolve("report.html"));
        });
        System.out.println("report: " + folder.resolve("report.html"));
        System.out.println("metrics: " + folder.resolve("metrics.csv") + ", " + folder.resolve("metrics.jsonl"));
        if (!failures.isEmpty()) {
            throw new IllegalStateException(failures.size() + " of " + variants.size() + " runs failed (marked in the report);"
                    + " the others' results and models are in " + folder);
        }
    }

    /**
     * Trains every variant as a task on {@code cluster}; a run that failed for good is recorded in
     * {@code failures}. (The metrics files are written from the results at the end.)
     */
    private static void runOn(Cluster cluster, List<Variant> variants, List<RunResult> results, List<String> failures) {
        List<Cluster.Outcome> outcomes = cluster.runAll(variants);
        for (int i = 0; i < variants.size(); i++) {
            Variant v = variants.get(i);
            Cluster.Outcome outcome = outcomes.get(i);
            if (outcome.result() != null) {
                results.add(outcome.result());
            } else {
                failures.add(v.label() + " seed " + v.seed() + ": " + outcome.failure());
            }
        }
    }

    /** Trains every variant; a run that fails is recorded in {@code failures} and the others go on. */
    private static void runAll(Runner runner, List<Variant> variants, int threads, Progress.Style style, Path dir, List<RunResult> results,
                               List<String> failures) {
        Object lock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (Variant v : variants) {
                String label = variants.stream().filter(x -> x.label().equals(v.label())).count() > 1
                        ? v.label() + " seed " + v.seed() : v.label();
                futures.add(pool.submit(() -> runner.run(v.label(), v.spec(), v.spec().newModel(runner.data(v.spec()).train().sampleShape()),
                        v.spec().newOptimizer(), v.spec().newSchedule(), v.spec().newEarlyStopping(), Position.after(0), () -> false,
                        norms -> List.of(new MetricsLog(dir, v.label(), v.seed(), norms, lock), new Progress(label, style)))));
            }
            for (int i = 0; i < futures.size(); i++) {
                Variant v = variants.get(i);
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof RuntimeException failure) || e.getCause() instanceof IllegalArgumentException) {
                        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                    failures.add(v.label() + " seed " + v.seed() + ": " + failure.getMessage());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
