package dev.jnn.examples.cli;

import picocli.CommandLine.Command;

/** {@code jnn evaluate}: the metrics of {@code jnn predict} without the predictions. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score a saved model on labelled data: loss and accuracy.",
                "Example: jnn evaluate runs/20261126-120000-train/model.safetensors --data examples/spirals.yaml"})
final class EvaluateCommand extends PredictCommand {
    @Override
    boolean metricsOnly() {
        return true;
    }
}
