package dev.jnn.examples.cli;

import dev.jnn.api.Objective;
import dev.jnn.core.minimize.Minimizer;
import dev.jnn.core.minimize.Minimizer.Descent;
import dev.jnn.examples.report.MinimizeReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * Gradient descent on a plain function with each optimizer from the same start: the steps each needs
 * to come within the tolerance of the minimum, and the trajectories in a report.
 */
@Command(name = "minimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Minimize a function (square, rosenbrock, or a plugin's) with each optimizer from the same start.",
                "Example: jnn minimize rosenbrock --optimizers sgd,momentum,rmsprop,adam --lr 0.001"})
final class MinimizeCommand implements Runnable {

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "FUNCTION", description = "the function's provider name: square (y = (x + 2)^2 from 3), rosenbrock (from (-1.5, 2))")
    String function;

    @Option(names = "--set", paramLabel = "SETTING=VALUE", description = "a setting of the function, such as start=5")
    List<String> sets = new ArrayList<>();

    @Option(names = "--optimizers", split = ",", defaultValue = "sgd,momentum,nesterov,rmsprop,adam",
            description = "optimizers by name (default: ${DEFAULT-VALUE})")
    List<String> optimizers;

    @Option(names = "--lr", description = "learning rate of every optimizer (default: each optimizer's own)")
    Double lr;

    @Option(names = "--steps", defaultValue = "10000", description = "at most this many steps (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--tolerance", defaultValue = "1e-3", description = "distance to the minimum that counts as reached (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--out", paramLabel = "DIR", description = "run folder for the report (default: runs/<date-time>-minimize)")
    Path out;

    @Override
    public void run() {
        if (steps < 1) {
            throw new IllegalArgumentException("--steps must be at least 1, got " + steps);
        }
        Map<String, Object> settings = ProviderSettings.parse(sets);
        Objective f = main.engine().providers().objectives().create(function, settings);
        List<Descent> descents = new ArrayList<>();
        for (String name : optimizers) {
            Map<String, Object> optimizerSettings = lr == null ? Map.of() : Map.of("lr", lr);
            descents.add(Minimizer.run(f, name, main.engine().providers().optimizer(name, optimizerSettings), steps, tolerance));
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%-10s %16s %14s  %s%n", "optimizer",
                "steps to " + tolerance, "final f(x)", "final x"));
        for (Descent d : descents) {
            float[] last = d.path().get(d.path().size() - 1);
            table.append(String.format(Locale.ROOT, "%-10s %16s %14.6g  %s%n", d.optimizer(),
                    d.reached() >= 0 ? Integer.toString(d.reached())
                            : !Double.isFinite(d.values().get(d.values().size() - 1)) ? "diverged at " + (d.path().size() - 1)
                            : "not in " + steps, d.values().get(d.values().size() - 1),
                    java.util.Arrays.toString(last)));
        }
        System.out.printf("minimizing %s from %s, minimum at %s%n", function, java.util.Arrays.toString(f.start()),
                java.util.Arrays.toString(f.minimum()));
        System.out.print(table);
        OutputFolder output = OutputFolder.claim(out, "minimize");
        Path folder = output.complete(dir -> MinimizeReport.write("jnn minimize " + function, table.toString(), f, descents,
                dir.resolve("report.html")));
        System.out.println("report: " + folder.resolve("report.html"));
    }
}
