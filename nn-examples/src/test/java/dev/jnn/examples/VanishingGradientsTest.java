package dev.jnn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        RunResult result = new Runner().run(file, spec, List.of());
        return result.layers().get(0);
    }

    /**
     * The README's claims, as bounds on both sides: the naive network's first-layer gradient is about
     * 1e-8 of its last layer's (between 1e-10 and 1e-6 here), and with Xavier or He the smallest
     * layer gradient is within a factor of 5 of the largest.
     */
    @ParameterizedTest
    @CsvSource({"naive-tanh.yaml, 1e-10, 1e-6", "xavier-tanh.yaml, 0.2, 5", "he-relu.yaml, 0.2, 5",
            "naive-tanh-batchnorm.yaml, 0.2, 5"})
    void gradientNormsAcrossTheLayersHaveTheShapeTheReadmeClaims(String file, double lowest, double highest) {
        List<LayerNorms> norms = firstEpochNorms(file).stream().filter(n -> n.type().equals("dense")).toList();
        assertEquals(11, norms.size(), "10 hidden layers and the output layer");
        double first = norms.get(0).gradientNorm();
        double last = norms.get(norms.size() - 1).gradientNorm();
        double smallest = norms.stream().mapToDouble(LayerNorms::gradientNorm).min().orElseThrow();
        double largest = norms.stream().mapToDouble(LayerNorms::gradientNorm).max().orElseThrow();
        String shown = file + ": " + norms.stream().map(n -> String.format("%.1e", n.gradientNorm())).toList();
        assertTrue(first / last >= lowest && first / last <= highest, "first/last " + first / last + "; " + shown);
        if (lowest >= 0.2) {                                  // the healthy networks: every layer within 5x of every other
            assertTrue(smallest / largest >= 0.2, "smallest/largest " + smallest / largest + "; " + shown);
        }
    }
}
