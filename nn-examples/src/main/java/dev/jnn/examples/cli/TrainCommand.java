package dev.jnn.examples.cli;

import dev.jnn.api.Model;
import dev.jnn.api.Optimizer;
import dev.jnn.api.Schedule;
import dev.jnn.api.data.DataSplit;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.io.Checkpoint;
import dev.jnn.core.io.CheckpointWriter;
import dev.jnn.core.io.ModelFile;
import dev.jnn.core.train.EarlyStopping;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.History;
import dev.jnn.core.train.LayerNorms;
import dev.jnn.core.train.Position;
import dev.jnn.core.train.TrainingListener;
import dev.jnn.examples.report.HtmlReport;
import dev.jnn.examples.report.MetricsLog;
import dev.jnn.examples.report.SummaryTable;
import dev.jnn.examples.run.Cluster;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Trains one run file in a run folder that lasts: the folder is claimed first ({@code NAME.partial}),
 * the resolved run file and each epoch's metrics are written as training goes, a checkpoint every
 * {@code train.checkpoint_every} epochs and at the end, and only a finished run is renamed to
 * {@code NAME}. Ctrl-C finishes the batch, writes a checkpoint and prints the command that resumes;
 * {@code --resume FOLDER} continues a stopped or finished run in the same folder, bit for bit.
 */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the model a run file describes, or resume a run.",
                "Example: jnn train examples/mnist.yaml --set optimizer.type=rmsprop",
                "         jnn train --resume runs/20261126-120000-train --set train.epochs=20"})
final class TrainCommand implements Callable<Integer> {
    static final String CHECKPOINT = "checkpoint.safetensors";
    static final String RUN_FILE = "run.yaml";

    @ParentCommand
    Main main;

    @Parameters(arity = "0..1", paramLabel = "RUN_FILE", description = "the run file (.yaml, .yml or .json)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key, such as optimizer.type=rmsprop")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/<date-time>-train)")
    Path out;

    @Option(names = "--spark", paramLabel = "MASTER",
            description = "data-parallel: compute each step's gradients on Apache Spark (local[N], spark://HOST:PORT, or 'submit')")
    String spark;

    // The cluster of --spark, connected once the run file has been read.
    private Cluster cluster;

    @Option(names = "--resume", paramLabel = "RUN_FOLDER",
            description = "continue the run in this folder (stopped, or finished: --set train.epochs=N for more) from its checkpoint")
    Path resume;

    @Override
    public Integer call() throws IOException {
        if (spark == null) {
            return start();
        }
        try (Cluster connected = Cluster.connect(spark)) {
            cluster = connected;
            System.out.println("gradients on " + connected.description());
            return start();
        }
    }

    /** A runner whose steps' gradients are computed here, or on the cluster of --spark. */
    private Runner runner() {
        return cluster == null ? new Runner() : new Runner(cluster::trainingData);
    }

    private int start() throws IOException {
        if (resume != null) {
            if (file != null || out != null) {
                throw new IllegalArgumentException("--resume continues the run in its own folder with its own run file;"
                        + " give no RUN_FILE or --out with it");
            }
            return resume();
        }
        if (file == null) {
            throw new IllegalArgumentException("train: give a RUN_FILE, or --resume RUN_FOLDER");
        }
        RunSpec spec = RunSpec.load(main.engine(), file, sets);
        Runner runner = runner();
        DataSplit data = runner.data(spec);
        System.out.println("data: " + data.description());
        OutputFolder output = OutputFolder.claim(out, "train");      // before training: a taken or unwritable folder fails now
        try {
            RunFiles.write(spec.portableTree(), output.partial().resolve(RUN_FILE));
            Model model = spec.newModel(data.train().sampleShape());
            return train(spec, runner, model, spec.newOptimizer(), spec.newSchedule(), spec.newEarlyStopping(), Position.after(0), output,
                    new MetricsLog.Logged(List.of(), List.of()));
        } catch (RuntimeException e) {
            output.abandon();
            throw e;
        }
    }

    private int resume() throws IOException {
        OutputFolder output = OutputFolder.reopen(resume);
        Path dir = output.partial();
        Path checkpointFile = dir.resolve(CHECKPOINT);
        if (!Files.isRegularFile(checkpointFile)) {
            throw new IllegalArgumentException("--resume: " + dir + " has no " + CHECKPOINT + "; the run stopped before its first"
                    + " checkpoint (set train.checkpoint_every to write them more often)");
        }
        RunSpec spec = RunSpec.load(main.engine(), dir.resolve(RUN_FILE), sets);
        RunFiles.write(spec.portableTree(), dir.resolve(RUN_FILE));          // the run file now says what the run does
        Checkpoint checkpoint = Checkpoint.load(checkpointFile, main.engine());
        Position at = checkpoint.position();
        if (at.epochs() >= spec.epochs() && at.batches() == 0) {
            output.complete(d -> { });
            throw new IllegalArgumentException("--resume: the run has done " + at.epochs() + " epochs of " + spec.epochs()
                    + "; continue it with --set train.epochs=N for N epochs in all");
        }
        Optimizer optimizer = spec.newOptimizer();
        checkpoint.restore(optimizer);
        Schedule schedule = spec.newSchedule();
        checkpoint.restore(schedule);
        EarlyStopping stopping = spec.newEarlyStopping();
        checkpoint.restore(stopping);
        MetricsLog.Logged logged = MetricsLog.keepEpochs(dir, at.epochs());
        System.out.println("resuming " + dir + " after epoch " + at.epochs() + (at.batches() > 0 ? ", batch " + at.batches() : "")
                + ", to epoch " + spec.epochs());
        return train(spec, runner(), checkpoint.model(), optimizer, schedule, stopping, at, output, logged);
    }

    /** Trains from {@code start}; a Ctrl-C or kill stops after the current batch with a checkpoint (exit 130). */
    private int train(RunSpec spec, Runner runner, Model model, Optimizer optimizer, Schedule schedule, EarlyStopping stopping,
                      Position start, OutputFolder output, MetricsLog.Logged before) {
        Path dir = output.partial();
        String label = spec.optimizerType();
        // The checkpoint records the optimizer's settings too; a resume takes them from run.yaml, where
        // --set may change them on purpose (a smaller lr for the last epochs, say).
        Map<String, String> meta = new java.util.LinkedHashMap<>(Runner.modelMetadata(spec, runner.data(spec)));
        meta.put("optimizer_settings", spec.optimizerSettings().toString());
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted.set(true);
            try {
                stopped.await(2, TimeUnit.MINUTES);             // the JVM exits when this returns: let the checkpoint finish
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "jnn-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        RunResult result;
        try {
            int every = spec.checkpointEvery() > 0 ? spec.checkpointEvery() : Integer.MAX_VALUE;
            result = runner.run(label, spec, model, optimizer, schedule, stopping, start, interrupted::get, norms -> List.<TrainingListener>of(
                    new MetricsLog(dir, label, spec.seed(), norms, start.epochs() == 0 && start.batches() == 0),
                    new CheckpointWriter(dir.resolve(CHECKPOINT), optimizer, schedule, stopping, every, main.engine(), meta),
                    new Progress(label, new Progress.Style(Progress.terminal(), main.terminalWidth(Progress.terminal())))));
            if (interrupted.get()) {
                System.err.println((Progress.terminal() ? "\n" : "") + "interrupted: the checkpoint holds the run as it was after the last batch; resume with:");
                System.err.println("  jnn train --resume " + dir);
                return 130;
            }
        } finally {
            stopped.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting (Ctrl-C): the hook has run
            }
        }
        RunResult whole = joined(result, before);
        System.out.print(whole.model());
        EpochMetrics last = whole.last();
        System.out.println("epochs: " + whole.epochsNote());
        System.out.printf(Locale.ROOT, "final: train loss %.4f, test loss %.4f%s; %.1f s, %,.0f samples/s%n",
                last.trainLoss(), last.validationLoss(), Double.isNaN(last.validationAccuracy()) ? ""
                        : String.format(Locale.ROOT, ", test accuracy %.2f%%", 100 * last.validationAccuracy()),
                whole.seconds(), whole.samplesPerSecond());
        Path folder = output.complete(d -> {
            ModelFile.save(whole.trained(), d.resolve("model.safetensors"), main.engine(), whole.saveWith());
            HtmlReport.write("jnn train: " + spec.source(), List.of(whole), new SummaryTable(List.of(whole), 0.9), d.resolve("report.html"));
        });
        System.out.println("model: " + folder.resolve("model.safetensors"));
        System.out.println("report: " + folder.resolve("report.html"));
        return 0;
    }

    /** The epochs logged before a resume, then this session's: the whole run, for the report. */
    private static RunResult joined(RunResult result, MetricsLog.Logged before) {
        List<EpochMetrics> epochs = new ArrayList<>(before.epochs());
        epochs.addAll(result.history().epochs());
        List<List<LayerNorms>> layers = new ArrayList<>(before.layers());
        layers.addAll(result.layers());
        return new RunResult(result.label(), result.seed(), result.spec(), result.data(), result.model(), new History(epochs),
                layers, result.trained(), result.saveWith(), result.keptEpoch());
    }
}
