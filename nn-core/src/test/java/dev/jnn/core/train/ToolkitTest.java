package dev.jnn.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Parameter;
import dev.jnn.api.Scratch;
import dev.jnn.api.Tensor;
import dev.jnn.api.data.Dataset;
import dev.jnn.core.Engine;
import dev.jnn.core.check.GradientCheck;
import dev.jnn.core.config.ConfigException;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.layer.Dropout;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradient clipping, dropout and early stopping, each against PyTorch's or Keras's definition. */
class ToolkitTest {
    private static final Dataset SPIRALS = Synthetic.spirals(600, 3, 0.2, 4);

    private static List<Parameter> gradients() {
        Parameter a = Parameter.zeros("a", 2);
        Parameter b = Parameter.zeros("b", 1, 1);
        a.gradient().data()[0] = 3;
        a.gradient().data()[1] = -4;
        b.gradient().data()[0] = 12;
        return List.of(a, b);
    }

    @Test
    void clippingByNormAndByValueMatchesPyTorch() {
        List<Parameter> ps = gradients();
        double norm = Clipping.globalNorm(ps);
        assertEquals(13.0, norm, 1e-12);
        assertTrue(Clipping.clip(ps, norm, 1.0, 0));
        assertArrayEquals(new float[] {0.23076921701431274f, -0.307692289352417f}, ps.get(0).gradient().data(), 1e-7f);
        assertArrayEquals(new float[] {0.923076868057251f}, ps.get(1).gradient().data(), 1e-7f);
        ps = gradients();
        assertFalse(Clipping.clip(ps, 13.0, 20.0, 0), "below the limit nothing changes");
        assertArrayEquals(new float[] {3, -4}, ps.get(0).gradient().data(), 0f);
        ps = gradients();
        assertTrue(Clipping.clip(ps, 13.0, 0, 3.5));
        assertArrayEquals(new float[] {3, -3.5f}, ps.get(0).gradient().data(), 0f);
        assertArrayEquals(new float[] {3.5f}, ps.get(1).gradient().data(), 0f);
    }

    @Test
    void theMetricsRecordTheNormBeforeClippingTheShareClippedAndTheRate() {
        Sequential model = new Sequential(Dense.withActivation(32, "relu"), new Dense(3)).build(1, 2);
        History h = Trainer.builder().model(model).loss(new SoftmaxCrossEntropy())
                .optimizer(Engine.shared().providers().optimizer("sgd", Map.of("lr", 0.1))).epochs(2).clipNorm(0.05)
                .build().fit(SPIRALS);
        EpochMetrics first = h.epochs().get(0);
        assertTrue(first.gradientNorm() > 0.05, "the norm is measured before clipping: " + first.gradientNorm());
        assertTrue(first.clippedFraction() > 0.5 && first.clippedFraction() <= 1, "share clipped: " + first.clippedFraction());
        assertEquals(0.1, first.learningRate(), 1e-7);
        assertEquals("trainer: clip_norm must be a finite number greater than 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Trainer.builder().clipNorm(0)).getMessage());
    }

    @Test
    void dropoutKeepsOneMinusPOfTheValuesAndTheMeanAndNothingInEvaluation() {
        Dropout dropout = new Dropout(0.3);
        dropout.build(new int[] {100}, Engine.shared().context(5).withPrefix("d."));
        float[] ones = new float[1000 * 100];
        java.util.Arrays.fill(ones, 1f);
        Tensor x = Tensor.of(ones, 1000, 100);
        Tensor y = dropout.forward(x, true);
        long kept = 0;
        double sum = 0;
        for (float v : y.data()) {
            kept += v != 0 ? 1 : 0;
            sum += v;
        }
        assertEquals(0.7, kept / 100_000.0, 0.01, "kept fraction");
        assertEquals(1.0, sum / 100_000.0, 0.02, "the mean is kept: kept values are scaled by 1/(1-p)");
        assertEquals(1 / 0.7, y.data()[java.util.stream.IntStream.range(0, 100_000).filter(i -> y.data()[i] != 0).findFirst().orElseThrow()],
                1e-6);
        assertSame(x, dropout.forward(x, false), "evaluation passes the input through");
        assertSame(x, dropout.infer(x, new Scratch()));
    }

    @Test
    void dropoutsBackwardPassesTheGradientThroughTheSameMask() {
        GradientCheck.layer(new Dropout(0.4).repeatMask(true)).inputShape(10).batch(4).run().assertPassed();
    }

    @Test
    void dropoutMasksComeFromTheModelsSeedOnOneThreadOrTwo() {
        float[][] weights = new float[2][];
        for (int threads = 1; threads <= 2; threads++) {
            try (Engine engine = Engine.builder().threads(threads).build()) {
                Sequential model = new Sequential(Dense.withActivation(64, "relu"), new Dropout(0.5), new Dense(3)).build(engine, 9, 2);
                Trainer.builder().model(model).loss(new SoftmaxCrossEntropy())
                        .optimizer(engine.providers().optimizer("adam", Map.of())).epochs(2).seed(3).build().fit(SPIRALS);
                weights[threads - 1] = model.parameters().get(2).value().data().clone();
            }
        }
        assertArrayEquals(weights[0], weights[1], 0f);
    }

    @Test
    void earlyStoppingStopsAfterPatienceAndRestoresTheBestWeights() {
        Sequential model = new Sequential(new Dense(2)).build(1, 2);
        EarlyStopping stopping = new EarlyStopping("test_loss", 2, 0.01, true);
        stopping.onTrainingStart(model, 20, 1);
        boolean[] stopped = {false};
        double[] losses = {1.0, 0.8, 0.795, 0.9, 0.7, 0.75, 0.76, 0.74};
        List<EpochMetrics> seen = new java.util.ArrayList<>();
        float[] atBest = null;
        for (int e = 0; e < losses.length && !stopped[0]; e++) {
            model.parameters().get(0).value().data()[0] = e;             // the weights of epoch e + 1
            EpochMetrics m = new EpochMetrics(e + 1, 0, 0, losses[e], 0, 1, 1);
            seen.add(m);
            stopping.onEpochEnd(m, () -> stopped[0] = true);
            if (e + 1 == 5) {
                atBest = model.parameters().get(0).value().data().clone();
            }
        }
        History history = new History(seen);
        stopping.onTrainingEnd(history);
        assertEquals(8, stopping.stoppedAt(), "epochs 6, 7 and 8 did not beat 0.7 by 0.01: stopped after 2 more than patience allows");
        assertEquals(5, stopping.keptEpoch(history));
        assertArrayEquals(atBest, model.parameters().get(0).value().data(), 0f, "the best epoch's weights are back");
    }

    @Test
    void badToolkitSettingsAreRefusedNamingTheKeyAndValue() {
        assertEquals("run.yaml: train.clip_norm: expected a finite number greater than 0, got 0.0", error("train.clip_norm=0"));
        assertEquals("run.yaml: train.early_stopping.patience: train.early_stopping: setting 'patience' must be at least 0, got -1",
                error("train.early_stopping.patience=-1"));
        assertEquals("run.yaml: model.layers[1].p: layer 'dropout': setting 'p' must be in [0, 1), got 1.0", error("model.layers[1].p=1"));
    }

    private static String error(String override) {
        Map<String, Object> tree = RunFiles.parseYaml("""
                data: { name: spirals }
                model: { layers: [ { type: dense, units: 8, activation: relu }, { type: dropout, p: 0.2 }, { type: dense, units: 3 } ] }
                loss: softmax_cross_entropy
                optimizer: { type: adam }
                train: { epochs: 2, early_stopping: { patience: 2 } }
                """, "run.yaml");
        RunFiles.override(tree, override, "--set " + override);
        return assertThrows(ConfigException.class, () -> RunSpec.bind(tree, "run.yaml")).getMessage();
    }
}
