package dev.jnn.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.LayerNorms;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped comparison examples/vanishing/*.yaml has the shape it claims: in the naive deep tanh
 * network the first layer's gradient is orders of magnitude below the last layer's; with Xavier
 * (tanh) or He (ReLU) every layer's gradient stays within a small factor of every other's.
 */
class VanishingGradientsTest {

    private static List<LayerNorms> firstEpochNorms(String file) {
        Path path = Path.of("../examples/vanishing", file);
        RunSpec spec = RunSpec.load(path, List.of("train.epochs=1"));
        RunResult result = new Runner(path.toAbsolutePath().getParent()).run(file, spec, List.of());
        return result.layers().get(0);
    }

    @ParameterizedTest
    @CsvSource({"naive-tanh.yaml, 1e-4, 1e-30", "xavier-tanh.yaml, 1e30, 0.1", "he-relu.yaml, 1e30, 0.1"})
    void gradientNormsAcrossTheLayersHaveTheExpectedShape(String file, double maxFirstOverLast, double minSmallestOverLargest) {
        List<LayerNorms> norms = firstEpochNorms(file);
        assertTrue(norms.size() == 11, "10 hidden layers and the output layer");
        double first = norms.get(0).gradientNorm();
        double last = norms.get(norms.size() - 1).gradientNorm();
        double smallest = norms.stream().mapToDouble(LayerNorms::gradientNorm).min().orElseThrow();
        double largest = norms.stream().mapToDouble(LayerNorms::gradientNorm).max().orElseThrow();
        String shown = file + ": " + norms.stream().map(n -> String.format("%.1e", n.gradientNorm())).toList();
        assertTrue(first / last <= maxFirstOverLast, shown);
        assertTrue(smallest / largest >= minSmallestOverLargest, shown);
    }
}
