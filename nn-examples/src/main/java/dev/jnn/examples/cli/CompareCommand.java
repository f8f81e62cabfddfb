package dev.jnn.examples.cli;

import dev.jnn.api.Loss;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import dev.jnn.core.train.Dataset;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.History;
import dev.jnn.core.train.Trainer;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Trains one network with several optimizers on the same seed, weights and batches, and prints a table.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Train the same network with several optimizers on three spirals and compare them.")
final class CompareCommand implements Runnable {

    @Option(names = "--optimizers", split = ",", defaultValue = "sgd,momentum,rmsprop,adam",
            description = "optimizers by provider name (default: ${DEFAULT-VALUE})")
    List<String> optimizers;

    @Option(names = "--epochs", defaultValue = "20", description = "epochs (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", description = "batch size (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--seed", defaultValue = "7", description = "seed of data, weights and batches (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public void run() {
        Dataset data = Synthetic.spirals(2000, 3, 0.2, seed);
        Dataset train = data.slice(0, 1600);
        Dataset test = data.slice(1600, 2000);
        optimizers.forEach(name -> Providers.optimizers().find(name)); // fail on a bad name before any run
        System.out.printf("%-10s %10s %10s %9s %9s %8s %11s%n", "optimizer", "train loss", "test loss", "test acc",
                "best acc", "time s", "samples/s");
        for (String name : optimizers) {
            Sequential model = new Sequential(
                    Dense.withActivation(64, "relu").init("he_normal"),
                    Dense.withActivation(64, "relu").init("he_normal"),
                    new Dense(3)).build(seed, 2);
            Loss loss = new SoftmaxCrossEntropy();
            History h = Trainer.builder().model(model).loss(loss).optimizer(Providers.optimizer(name, Map.of()))
                    .epochs(epochs).batchSize(batch).seed(seed).build().fit(train, test);
            double best = h.epochs().stream().mapToDouble(EpochMetrics::validationAccuracy).max().orElse(Double.NaN);
            double seconds = h.epochs().stream().mapToDouble(EpochMetrics::seconds).sum();
            System.out.printf("%-10s %10.4f %10.4f %8.1f%% %8.1f%% %8.2f %11.0f%n", name, h.last().trainLoss(),
                    h.last().validationLoss(), 100 * h.last().validationAccuracy(), 100 * best, seconds,
                    epochs * train.size() / seconds);
        }
    }
}
