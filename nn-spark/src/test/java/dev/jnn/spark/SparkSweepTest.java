package dev.jnn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Parameter;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.examples.run.Cluster;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import dev.jnn.examples.run.Variants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A comparison run as Spark tasks gives the numbers of the same comparison run here, bit for bit. */
class SparkSweepTest extends LocalSparkTest {
    static final String RUN = """
            seed: 3
            data: { name: spirals, samples: 300, classes: 3, noise: 0.2 }
            model:
              defaults: { activation: relu, init: he_normal }
              layers:
                - { type: dense, units: 16 }
                - { type: dense, units: 3, activation: identity, init: xavier_uniform }
            loss: softmax_cross_entropy
            optimizer: { type: adam, lr: 0.01 }
            train: { epochs: 3, batch: 32 }
            """;




    @Test
    void fourVariantsTimesTwoSeedsOnLocalSparkMatchTheLocalRunsBitForBit(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("spirals.yaml");
        Files.writeString(file, RUN);
        List<Variants.Variant> variants = Variants.expand(engine, List.of(file), List.of(),
                List.of("optimizer.type=sgd,momentum,rmsprop,adam"), 2);
        assertEquals(8, variants.size());

        List<Cluster.Outcome> remote = cluster.runAll(variants);

        Runner runner = new Runner();
        for (int i = 0; i < variants.size(); i++) {
            Variants.Variant v = variants.get(i);
            RunResult here = runner.run(v.label(), v.spec(), List.of());
            RunResult there = remote.get(i).result();
            assertNull(remote.get(i).failure());
            assertNotNull(there, v.label());
            assertEquals(v.label(), there.label());
            assertEquals(v.seed(), there.seed());
            assertEquals(here.history().epochs().size(), there.history().epochs().size());
            for (int e = 0; e < here.history().epochs().size(); e++) {
                EpochMetrics a = here.history().epochs().get(e);
                EpochMetrics b = there.history().epochs().get(e);
                String at = v.label() + " seed " + v.seed() + " epoch " + a.epoch();
                assertEquals(a.epoch(), b.epoch(), at);
                assertEquals(a.trainLoss(), b.trainLoss(), 0, at);         // 0: bit for bit
                assertEquals(a.trainAccuracy(), b.trainAccuracy(), 0, at);
                assertEquals(a.validationLoss(), b.validationLoss(), 0, at);
                assertEquals(a.validationAccuracy(), b.validationAccuracy(), 0, at);
                assertEquals(a.learningRate(), b.learningRate(), 0, at);
                assertEquals(a.gradientNorm(), b.gradientNorm(), 0, at);
            }
            assertEquals(here.layers(), there.layers(), "layer norms of " + v.label());
            List<Parameter> p = here.trained().parameters();
            List<Parameter> q = there.trained().parameters();
            assertEquals(p.size(), q.size());
            for (int k = 0; k < p.size(); k++) {
                assertArrayEquals(p.get(k).value().data(), q.get(k).value().data(), v.label() + " " + p.get(k).name());
            }
            assertEquals(here.keptEpoch(), there.keptEpoch());
            assertEquals(here.saveWith(), there.saveWith());
            assertEquals(here.model(), there.model());
        }
        assertTrue(remote.get(0).result().history().last().trainLoss() < remote.get(0).result().history().epochs().get(0).trainLoss(),
                "the runs train");
    }

    @Test
    void aRunThatDivergesIsReportedByNameAndTheOthersFinish(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("spirals.yaml");
        Files.writeString(file, RUN);
        List<Variants.Variant> variants = Variants.expand(engine, List.of(file), List.of(), List.of("optimizer.lr=0.01,1e30"), 1);
        List<Cluster.Outcome> outcomes = cluster.runAll(variants);
        assertNotNull(outcomes.get(0).result());
        assertNull(outcomes.get(1).result());
        assertTrue(outcomes.get(1).failure().startsWith("training diverged"), outcomes.get(1).failure());
    }
}
