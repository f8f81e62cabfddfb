package dev.jnn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parameter averaging (train.averaging_every) on local[2]. */
class ParameterAveragingTest extends LocalSparkTest {
    static RunSpec spec(String optimizer, int every) {
        return SparkTrainingTest.spec(optimizer, SparkTrainingTest.RUN.replace("batch: 64 }", "batch: 64, averaging_every: " + every + " }"));
    }

    /**
     * With one partition the one copy is the model: rounds of 3 batches (the last round of each 10-batch
     * epoch has 1), the optimizer's state sent out and taken back, must give single-machine training bit for bit.
     */
    @Test
    void oneCopyAveragedEveryThreeBatchesIsSingleMachineTrainingBitForBit() {
        RunSpec spec = spec("adam", 3);
        RunResult here = new Runner().run("here", spec, List.of());
        RunResult there = new Runner((s, data) -> new AveragedCopies(Shard.partition(cluster.context(), s, data.train().size(), 1),
                s.averagingEvery()))
                .run("there", spec, List.of());
        for (int k = 0; k < here.trained().parameters().size(); k++) {
            assertArrayEquals(here.trained().parameters().get(k).value().data(), there.trained().parameters().get(k).value().data());
        }
        for (int e = 0; e < 2; e++) {
            EpochMetrics a = here.history().epochs().get(e);
            EpochMetrics b = there.history().epochs().get(e);
            assertEquals(a.trainLoss(), b.trainLoss(), 0);
            assertEquals(a.trainAccuracy(), b.trainAccuracy(), 0);
            assertEquals(a.validationLoss(), b.validationLoss(), 0);
        }
    }

    @Test
    void twoCopiesAveragedEveryFourBatchesTrainButNotAsOneModelWould() {
        RunSpec spec = spec("adam", 4);
        RunResult sync = new Runner(cluster::trainingData).run("sync", spec("adam", 0), List.of());
        RunResult averaged = new Runner(cluster::trainingData).run("averaged", spec, List.of());
        List<EpochMetrics> epochs = averaged.history().epochs();
        assertTrue(epochs.get(1).trainLoss() < epochs.get(0).trainLoss(), "the loss falls: " + epochs);
        assertTrue(epochs.get(1).validationAccuracy() > 0.5, "better than chance (1/3): " + epochs);
        assertNotEquals(sync.history().last().trainLoss(), averaged.history().last().trainLoss());
    }
}
