package dev.jnn.core.train;

import dev.jnn.api.data.Dataset;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.jnn.api.Parameter;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.loss.MeanSquaredError;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

class TrainerTest {
    private static final Providers PROVIDERS = Providers.load(TrainerTest.class.getClassLoader());


    private static Sequential spiralModel(long seed) {
        return new Sequential(Dense.withActivation(16, "relu").init("he_normal"), new Dense(3)).build(seed, 2);
    }

    private static Trainer.Builder spirals(long seed, String optimizer) {
        return spirals(spiralModel(seed), seed, optimizer);
    }

    private static Trainer.Builder spirals(Sequential model, long seed, String optimizer) {
        return Trainer.builder().model(model).loss(new SoftmaxCrossEntropy())
                .optimizer(PROVIDERS.optimizer(optimizer, Map.of())).epochs(3).batchSize(32).seed(seed);
    }

    @Test
    void theSameSeedGivesTheSameNumbersBitForBit() {
        Dataset data = Synthetic.spirals(300, 3, 0.2, 5);
        History a = spirals(11, "adam").build().fit(data, data);
        History b = spirals(11, "adam").build().fit(data, data);
        for (int e = 0; e < 3; e++) {
            assertEquals(Double.doubleToRawLongBits(a.epochs().get(e).trainLoss()), Double.doubleToRawLongBits(b.epochs().get(e).trainLoss()));
            assertEquals(Double.doubleToRawLongBits(a.epochs().get(e).validationLoss()), Double.doubleToRawLongBits(b.epochs().get(e).validationLoss()));
        }
        History c = spirals(12, "adam").build().fit(data, data);
        assertTrue(a.last().trainLoss() != c.last().trainLoss(), "another seed gives other numbers");
    }

    @Test
    void finalWeightsAreIdenticalForTheSameSeed() {
        Dataset data = Synthetic.spirals(200, 3, 0.2, 5);
        Sequential first = spiralModel(4);
        Sequential second = spiralModel(4);
        spirals(first, 4, "rmsprop").build().fit(data);
        spirals(second, 4, "rmsprop").build().fit(data);
        List<Parameter> pa = first.parameters();
        List<Parameter> pb = second.parameters();
        for (int i = 0; i < pa.size(); i++) {
            assertArrayEquals(pa.get(i).value().data(), pb.get(i).value().data(), 0f);
        }
    }

    @Test
    void listenersSeeEveryBatchAndEpochInOrder() {
        Dataset data = Synthetic.spirals(100, 2, 0.1, 1);
        TrainingListener listener = mock(TrainingListener.class);
        spirals(1, "sgd").batchSize(30).listener(listener).build().fit(data);
        InOrder order = inOrder(listener);
        order.verify(listener).onTrainingStart(any(), eq(3), eq(4)); // 100 samples in batches of 30: 4 batches
        order.verify(listener, times(4)).onBatchEnd(any());
        order.verify(listener).onEpochEnd(any(), any());
        verify(listener, times(12)).onBatchEnd(any());
        verify(listener, times(3)).onEpochEnd(any(), any());
        verify(listener).onTrainingEnd(any());
    }

    @Test
    void aListenerCanStopTrainingAfterAnEpoch() {
        Dataset data = Synthetic.spirals(100, 2, 0.1, 1);
        TrainingListener stopAfterTwo = new TrainingListener() {
            @Override
            public void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
                if (metrics.epoch() == 2) {
                    control.stop();
                }
            }
        };
        History h = spirals(1, "sgd").epochs(10).listener(stopAfterTwo).build().fit(data);
        assertEquals(2, h.epochs().size());
    }

    @Test
    void aDivergingLossStopsTrainingWithAnExplanation() {
        Dataset data = Synthetic.teacher(64, 4, 8, 2, 1);
        Sequential model = new Sequential(Dense.withActivation(8, "relu"), new Dense(2)).build(1, 4);
        Trainer trainer = Trainer.builder().model(model).loss(new MeanSquaredError())
                .optimizer(PROVIDERS.optimizer("sgd", Map.of("lr", 1e6))).epochs(50).batchSize(16).build();
        TrainingDivergedException e = assertThrows(TrainingDivergedException.class, () -> trainer.fit(data));
        assertTrue(e.getMessage().startsWith("training diverged: the loss is "), e.getMessage());
        assertTrue(e.getMessage().contains("try a smaller learning rate"), e.getMessage());
    }

    @Test
    void anOptimizerThatExistsOnlyAsAProviderOnTheClasspathIsUsedByName() {
        Dataset xor = Synthetic.xor();
        Sequential model = new Sequential(Dense.withActivation(8, "tanh"), new Dense(2)).build(1, 2);
        double before = Evaluation.of(model, new SoftmaxCrossEntropy(), xor, 4).loss();
        History h = Trainer.builder().model(model).loss(new SoftmaxCrossEntropy())
                .optimizer(PROVIDERS.optimizer("Test_Sign_Descent", Map.of("lr", 0.01)))
                .epochs(100).batchSize(4).build().fit(xor, xor);
        assertTrue(h.last().validationLoss() < before * 0.7, before + " -> " + h.last().validationLoss());
    }

    @Test
    void nnCoreMainCodeNeverImportsNnOptim() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            List<Path> offenders = files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("dev.jnn.optim");
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(List.of(), offenders);
        }
    }

    @Test
    void badSettingsAreRejected() {
        assertEquals("trainer: batch size must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> spirals(1, "sgd").batchSize(0).build()).getMessage());
        assertEquals("dataset: features have 3 rows but targets have 2; expected one target row per sample",
                assertThrows(IllegalArgumentException.class, () -> new Dataset(
                        dev.jnn.api.Tensor.zeros(3, 2), dev.jnn.api.Tensor.zeros(2, 1))).getMessage());
    }
}
