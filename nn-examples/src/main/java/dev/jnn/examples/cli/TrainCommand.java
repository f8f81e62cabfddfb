package dev.jnn.examples.cli;

import dev.jnn.core.config.RunSpec;
import dev.jnn.core.io.ModelFile;
import dev.jnn.examples.report.HtmlReport;
import dev.jnn.examples.report.MetricsFiles;
import dev.jnn.examples.report.SummaryTable;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Trains one run file and writes its run folder. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train the model a run file describes.", "Example: jnn train examples/mnist.yaml --set optimizer.type=rmsprop"})
final class TrainCommand implements Runnable {

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "RUN_FILE", description = "the run file (.yaml, .yml or .json)")
    Path file;

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a key, such as optimizer.type=rmsprop")
    List<String> sets = new ArrayList<>();

    @Option(names = "--out", paramLabel = "DIR", description = "run folder (default: runs/<date-time>-train)")
    Path out;

    @Override
    public void run() {
        RunSpec spec = RunSpec.load(main.engine(), file, sets);
        Runner runner = new Runner();
        System.out.println("data: " + runner.data(spec).description());
        OutputFolder output = OutputFolder.claim(out, "train");      // before training: a taken or unwritable folder fails now
        String label = spec.optimizerType();
        RunResult result;
        try {
            result = runner.run(label, spec, List.of(new Progress(label, Progress.terminal())));
        } catch (RuntimeException e) {
            output.abandon();
            throw e;
        }
        System.out.print(result.model());
        System.out.printf(Locale.ROOT, "final: train loss %.4f, test loss %.4f%s; %.1f s, %,.0f samples/s%n",
                result.last().trainLoss(), result.last().validationLoss(),
                Double.isNaN(result.last().validationAccuracy()) ? ""
                        : String.format(Locale.ROOT, ", test accuracy %.2f%%", 100 * result.last().validationAccuracy()),
                result.seconds(), result.samplesPerSecond());
        Path folder = output.complete(dir -> {
            MetricsFiles.write(List.of(result), dir);
            ModelFile.save(result.trained(), dir.resolve("model.safetensors"), main.engine(), Map.of("loss", result.spec().lossType()));
            HtmlReport.write("jnn train: " + file, List.of(result), new SummaryTable(List.of(result), 0.9), dir.resolve("report.html"));
        });
        System.out.println("model: " + folder.resolve("model.safetensors"));
        System.out.println("report: " + folder.resolve("report.html"));
    }
}
