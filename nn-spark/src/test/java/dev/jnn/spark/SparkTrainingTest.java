package dev.jnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Parameter;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.config.RunSpec;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Synchronous data-parallel training on local[2] (two partitions, treeAggregate) against training in
 * this process with the same global batch: every weight within 1e-4 relative after 20 steps.
 */
class SparkTrainingTest extends LocalSparkTest {
    // 640 samples in batches of 64: 10 steps an epoch, 2 epochs = 20 steps.
    static final String RUN = """
            seed: 5
            data: { name: spirals, samples: 800, classes: 3, noise: 0.2, test_fraction: 0.2 }
            model:
              defaults: { activation: tanh, init: xavier_uniform }
              layers:
                - { type: dense, units: 32 }
                - { type: dense, units: 32 }
                - { type: dense, units: 3, activation: identity }
            loss: softmax_cross_entropy
            optimizer: { type: OPTIMIZER, lr: 0.05 }
            train: { epochs: 2, batch: 64 }
            """;




    static RunSpec spec(String optimizer, String run) {
        Map<String, Object> tree = RunFiles.parseYaml(run.replace("OPTIMIZER", optimizer), "test.yaml");
        return RunSpec.bind(engine, tree, "test.yaml", Path.of(""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam"})
    void twentyStepsOnTwoPartitionsMatchOneMachineWithinTheOrderOfSummation(String optimizer) {
        RunSpec spec = spec(optimizer, RUN);
        RunResult here = new Runner().run("here", spec, List.of());
        RunResult there = new Runner(cluster::trainingData).run("there", spec, List.of());

        assertEquals(640, new Runner().data(spec).train().size());
        double worst = worstRelativeDifference(here, there);
        assertTrue(worst <= 1e-4, optimizer + ": worst relative difference " + worst);
        System.out.println(optimizer + ": 20 steps on local[2], worst relative weight difference " + worst);
        for (int e = 0; e < 2; e++) {
            assertEquals(here.history().epochs().get(e).trainLoss(), there.history().epochs().get(e).trainLoss(), 1e-5);
            assertEquals(here.history().epochs().get(e).trainAccuracy(), there.history().epochs().get(e).trainAccuracy(), 1e-9);
        }
        assertTrue(there.history().last().trainLoss() < there.history().epochs().get(0).trainLoss(), "the loss falls");
    }

    /** The largest difference of two runs' weights, relative to the weight (or to 1e-3 for a weight near 0). */
    static double worstRelativeDifference(RunResult here, RunResult there) {
        List<Parameter> p = here.trained().parameters();
        List<Parameter> q = there.trained().parameters();
        double worst = 0;
        for (int k = 0; k < p.size(); k++) {
            float[] a = p.get(k).value().data();
            float[] b = q.get(k).value().data();
            for (int i = 0; i < a.length; i++) {
                worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(a[i]), 1e-3));
            }
        }
        return worst;
    }

    @Test
    void layersWhoseStateWouldStayOnTheExecutorsAreRefusedByName() {
        RunSpec spec = spec("sgd", RUN.replace("- { type: dense, units: 32 }\n    ", "- { type: dense, units: 32 }\n    - { type: dropout, p: 0.1 }\n    "));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Runner(cluster::trainingData).run("there", spec, List.of()));
        assertEquals("--spark: model.layers[1] is 'dropout', whose state (running statistics, a random stream) would stay on the"
                + " executors; data-parallel training supports layers whose state is their parameters", e.getMessage());
    }
}
