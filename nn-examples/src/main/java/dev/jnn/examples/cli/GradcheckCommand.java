package dev.jnn.examples.cli;

import dev.jnn.api.Layer;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.check.GradientCheck;
import dev.jnn.core.check.GradientCheckResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Checks a named layer's backward pass against finite differences; exit code 1 when it fails. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Check a layer's backward pass (built-in or plugin) against central finite differences.",
                "Example: jnn gradcheck dense --set units=5 --set activation=tanh"})
final class GradcheckCommand implements Callable<Integer> {

    @ParentCommand
    Main main;

    @Parameters(paramLabel = "LAYER", description = "the layer's provider name")
    String layer;

    @Option(names = "--set", paramLabel = "SETTING=VALUE", description = "a setting of the layer, such as units=5")
    List<String> sets = List.of();

    @Option(names = "--input", split = ",", defaultValue = "4", description = "one sample's shape, such as 4 or 2,3 (default: ${DEFAULT-VALUE})")
    int[] input;

    @Option(names = "--batch", defaultValue = "3", description = "samples in the checked batch (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--tolerance", defaultValue = "1e-2", description = "largest relative error that passes (default: ${DEFAULT-VALUE})")
    double tolerance;

    @Option(names = "--seed", defaultValue = "1", description = "seed of weights and inputs (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        Map<String, Object> settings = ProviderSettings.parse(sets);
        Layer instance = main.engine().providers().layer(layer, settings);
        GradientCheckResult result = GradientCheck.layer(instance).engine(main.engine()).inputShape(input).batch(batch).seed(seed)
                .tolerance(tolerance).run();
        System.out.println(layer + settings + ": " + result);
        return result.passed() ? 0 : 1;
    }
}
