package dev.jnn.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Model;
import dev.jnn.api.Optimizer;
import dev.jnn.api.data.Dataset;
import dev.jnn.core.Engine;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.History;
import dev.jnn.core.train.Trainer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Four epochs straight and two epochs, a checkpoint, and two more from it give the same weights and
 * the same logged metrics, bit for bit, with every optimizer that keeps state.
 */
class ResumeTest {
    private static final Dataset ALL = Synthetic.spirals(500, 3, 0.2, 9);
    private static final Dataset TRAIN = ALL.slice(0, 400);
    private static final Dataset TEST = ALL.slice(400, 500);
    private static final Engine ENGINE = Engine.shared();

    @TempDir
    Path dir;

    private static Sequential model() {
        return new Sequential(Dense.withActivation(24, "relu").init("he_normal"), Dense.withActivation(24, "tanh"),
                new Dense(3)).build(ENGINE, 13, 2);
    }

    private static Trainer.Builder trainer(Model model, Optimizer optimizer, int epochs) {
        return Trainer.builder().model(model).loss(new SoftmaxCrossEntropy()).optimizer(optimizer).epochs(epochs)
                .batchSize(32).seed(21);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sgd", "momentum", "rmsprop", "adam"})
    void twoEpochsACheckpointAndTwoMoreEqualFourStraight(String name) {
        Map<String, Object> settings = name.equals("sgd") || name.equals("momentum") ? Map.of("lr", 0.05) : Map.of();
        Sequential straight = model();
        History four = trainer(straight, ENGINE.providers().optimizer(name, settings), 4).build().fit(TRAIN, TEST);

        Path file = dir.resolve("checkpoint.safetensors");
        Sequential first = model();
        Optimizer firstOptimizer = ENGINE.providers().optimizer(name, settings);
        History two = trainer(first, firstOptimizer, 2)
                .listener(new CheckpointWriter(file, firstOptimizer, 1, ENGINE, Map.of("loss", "softmax_cross_entropy")))
                .build().fit(TRAIN, TEST);

        Checkpoint checkpoint = Checkpoint.load(file, ENGINE);
        assertEquals(2, checkpoint.epochs());
        Optimizer resumedOptimizer = ENGINE.providers().optimizer(name, settings);
        checkpoint.restore(resumedOptimizer);
        History rest = trainer(checkpoint.model(), resumedOptimizer, 4).resumeAfter(checkpoint.epochs()).build().fit(TRAIN, TEST);

        for (int i = 0; i < straight.parameters().size(); i++) {
            assertArrayEquals(straight.parameters().get(i).value().data(), checkpoint.model().parameters().get(i).value().data(), 0f,
                    name + ": parameter " + straight.parameters().get(i).name());
        }
        List<EpochMetrics> joined = new java.util.ArrayList<>(two.epochs());
        joined.addAll(rest.epochs());
        assertEquals(4, joined.size());
        for (int e = 0; e < 4; e++) {
            EpochMetrics a = four.epochs().get(e);
            EpochMetrics b = joined.get(e);
            assertEquals(a.epoch(), b.epoch());
            assertEquals(a.trainLoss(), b.trainLoss(), 0, name + " epoch " + a.epoch() + " train loss");
            assertEquals(a.trainAccuracy(), b.trainAccuracy(), 0, name + " epoch " + a.epoch() + " train accuracy");
            assertEquals(a.validationLoss(), b.validationLoss(), 0, name + " epoch " + a.epoch() + " test loss");
            assertEquals(a.validationAccuracy(), b.validationAccuracy(), 0, name + " epoch " + a.epoch() + " test accuracy");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sgd", "adam"})
    void aRunInterruptedInsideAnEpochContinuesFromTheNextBatchAsIfNeverStopped(String name) {
        Sequential straight = model();
        History four = trainer(straight, ENGINE.providers().optimizer(name, Map.of()), 4).build().fit(TRAIN, TEST);

        Path file = dir.resolve("interrupted.safetensors");
        Sequential first = model();
        Optimizer firstOptimizer = ENGINE.providers().optimizer(name, Map.of());
        int[] batches = {0};
        History one = trainer(first, firstOptimizer, 4)
                .listener(new CheckpointWriter(file, firstOptimizer, 1, ENGINE, Map.of()))
                .listener(new dev.jnn.core.train.TrainingListener() {
                    @Override
                    public void onBatchEnd(dev.jnn.core.train.BatchEnd batch) {
                        batches[0]++;
                    }
                })
                .interruptWhen(() -> batches[0] == 13 + 7)       // epoch 2 has 13 batches of 32; stop after its 7th
                .build().fit(TRAIN, TEST);
        assertEquals(1, one.epochs().size());

        Checkpoint checkpoint = Checkpoint.load(file, ENGINE);
        assertEquals(new dev.jnn.core.train.Position(1, 7, checkpoint.position().lossSum(), checkpoint.position().accuracySum(),
                checkpoint.position().seconds()), checkpoint.position());
        Optimizer resumedOptimizer = ENGINE.providers().optimizer(name, Map.of());
        checkpoint.restore(resumedOptimizer);
        History rest = trainer(checkpoint.model(), resumedOptimizer, 4).resumeAt(checkpoint.position()).build().fit(TRAIN, TEST);
        assertEquals(3, rest.epochs().size());
        for (int i = 0; i < straight.parameters().size(); i++) {
            assertArrayEquals(straight.parameters().get(i).value().data(), checkpoint.model().parameters().get(i).value().data(), 0f);
        }
        for (int e = 1; e < 4; e++) {
            assertEquals(four.epochs().get(e).trainLoss(), rest.epochs().get(e - 1).trainLoss(), 0, "epoch " + (e + 1));
            assertEquals(four.epochs().get(e).validationLoss(), rest.epochs().get(e - 1).validationLoss(), 0, "epoch " + (e + 1));
        }
    }

    @org.junit.jupiter.api.Test
    void aModelWithDropoutResumesWithTheMasksTheStraightRunWouldHaveDrawn() {
        java.util.function.Supplier<Sequential> withDropout = () -> new Sequential(Dense.withActivation(24, "relu"),
                new dev.jnn.core.layer.Dropout(0.3), new Dense(3)).build(ENGINE, 13, 2);
        Sequential straight = withDropout.get();
        trainer(straight, ENGINE.providers().optimizer("adam", Map.of()), 4).build().fit(TRAIN, TEST);
        Path file = dir.resolve("dropout.safetensors");
        Sequential first = withDropout.get();
        Optimizer optimizer = ENGINE.providers().optimizer("adam", Map.of());
        trainer(first, optimizer, 2).listener(new CheckpointWriter(file, optimizer, 1, ENGINE, Map.of())).build().fit(TRAIN, TEST);
        Checkpoint checkpoint = Checkpoint.load(file, ENGINE);
        Optimizer resumed = ENGINE.providers().optimizer("adam", Map.of());
        checkpoint.restore(resumed);
        trainer(checkpoint.model(), resumed, 4).resumeAfter(2).build().fit(TRAIN, TEST);
        for (int i = 0; i < straight.parameters().size(); i++) {
            assertArrayEquals(straight.parameters().get(i).value().data(), checkpoint.model().parameters().get(i).value().data(), 0f);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adam", "momentum"})
    void stateTakenBeforeTheFirstStepLoadsAndAnotherModelIsRefusedNamingTheParameter(String name) {
        Sequential model = model();
        Path file = dir.resolve("start.safetensors");
        Optimizer fresh = ENGINE.providers().optimizer(name, Map.of());
        Checkpoint.save(file, model, fresh, 0, ENGINE, Map.of());
        Checkpoint start = Checkpoint.load(file, ENGINE);
        Optimizer loaded = ENGINE.providers().optimizer(name, Map.of());
        start.restore(loaded);

        Sequential trained = model();
        Optimizer stepped = ENGINE.providers().optimizer(name, Map.of());
        trainer(trained, stepped, 1).build().fit(TRAIN);
        Sequential narrower = new Sequential(Dense.withActivation(24, "relu"), new Dense(3)).build(ENGINE, 13, 2);
        Optimizer other = ENGINE.providers().optimizer(name, Map.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> other.loadState(stepped.state(), narrower.parameters()));
        assertTrue(e.getMessage().contains("1.dense.weight"), e.getMessage());
    }
}
