package dev.jnn.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Schedule;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.Engine;
import dev.jnn.core.config.ConfigException;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.History;
import dev.jnn.core.train.Trainer;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every built-in schedule gives, step for step, the rates PyTorch 1.13's scheduler of the same name
 * gives an SGD optimizer with lr 0.1 ({@code tools/reference/schedules.py}), within 1e-9.
 */
class ScheduleTest {
    private static final Providers PROVIDERS = Engine.shared().providers();

    static Stream<Arguments> schedules() {
        return Stream.of(
                Arguments.of("constant", new double[] {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}),
                Arguments.of("step(step_size=3, gamma=0.5)",
                        new double[] {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025, 0.0125, 0.0125, 0.0125}),
                Arguments.of("multistep(milestones=2;5;9, gamma=0.1)",
                        new double[] {0.1, 0.1, 0.01, 0.01, 0.01, 0.001, 0.001, 0.001, 0.001, 0.0001, 0.0001, 0.0001}),
                Arguments.of("exponential(gamma=0.9)", new double[] {0.1, 0.09, 0.081, 0.0729, 0.06561, 0.059049, 0.0531441,
                        0.04782969, 0.043046721, 0.0387420489, 0.03486784401, 0.031381059609}),
                Arguments.of("cosine(t_max=10, eta_min=0.001)", new double[] {0.1, 0.097577297557, 0.090546341222, 0.079595369988,
                        0.065796341222, 0.0505, 0.035203658778, 0.021404630012, 0.010453658778, 0.003422702443, 0.001, 0.003422702443}),
                Arguments.of("linear(start_factor=0.25, end_factor=1.0, total_iters=4)",
                        new double[] {0.025, 0.04375, 0.0625, 0.08125, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}),
                Arguments.of("onecycle(max_lr=1.0, total_steps=20)", new double[] {0.04, 0.1316718427, 0.3716718427, 0.6683281573,
                        0.9083281573, 1.0, 0.987464006235, 0.950484632013, 0.890916177571, 0.81174565395, 0.716943001791,
                        0.611262021936, 0.500002, 0.388741978064, 0.283060998209, 0.18825834605, 0.109087822429, 0.049519367987,
                        0.012539993765, 4e-06}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void ratesMatchPyTorch(String spec, double[] expected) {
        Schedule schedule = PROVIDERS.schedules().createInline(spec);
        for (int step = 0; step < expected.length; step++) {
            assertEquals(expected[step], schedule.rate(step, 0.1, Double.NaN), 1e-9 * Math.max(1, expected[step]),
                    spec + " at step " + step);
        }
    }

    @Test
    void plateauReducesAsPyTorchsDoesOnTheSameLosses() {
        double[] losses = {1.0, 0.9, 0.95, 0.91, 0.92, 0.93, 0.8, 0.85, 0.86, 0.87, 0.88, 0.89};
        double[] expected = {0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025};
        Schedule plateau = PROVIDERS.schedules().createInline("plateau(patience=2, factor=0.5)");
        for (int e = 0; e < expected.length; e++) {
            assertEquals(expected[e], plateau.rate(e, 0.1, e == 0 ? Double.NaN : losses[e - 1]), 1e-12, "epoch " + e);
        }
        Schedule resumed = PROVIDERS.schedules().createInline("plateau(patience=2, factor=0.5)");
        Schedule straight = PROVIDERS.schedules().createInline("plateau(patience=2, factor=0.5)");
        for (int e = 0; e < 6; e++) {
            straight.rate(e, 0.1, e == 0 ? Double.NaN : losses[e - 1]);
        }
        resumed.loadState(straight.state());
        for (int e = 6; e < expected.length; e++) {
            assertEquals(expected[e], resumed.rate(e, 0.1, losses[e - 1]), 1e-12, "resumed, epoch " + e);
        }
    }

    @Test
    void theTrainerSetsTheRateEachEpochAndLogsIt() {
        Sequential model = new Sequential(Dense.withActivation(16, "relu"), new Dense(3)).build(1, 2);
        History h = Trainer.builder().model(model).loss(new SoftmaxCrossEntropy())
                .optimizer(PROVIDERS.optimizer("sgd", Map.of("lr", 0.1))).epochs(4)
                .schedule(PROVIDERS.schedules().createInline("step(step_size=2, gamma=0.5)"))
                .build().fit(Synthetic.spirals(200, 3, 0.2, 1));
        assertEquals(java.util.List.of(0.1, 0.1, 0.05, 0.05), h.epochs().stream().map(EpochMetrics::learningRate)
                .map(r -> Math.round(r * 1e7) / 1e7).toList());
    }

    @Test
    void aRunFileNamesItsScheduleInTheOptimizerSectionAndBadOnesAreRefused() {
        assertEquals("cosine", bind("optimizer.schedule=cosine(t_max=20)").newSchedule().type());
        assertEquals("run.yaml: optimizer.schedule.milestones: schedule 'multistep': setting 'milestones' must be whole numbers of at least 0,"
                + " each above the one before, got \"5;2\"", error("optimizer.schedule=multistep(milestones=5;2)"));
        assertTrue(error("optimizer.schedule=cosin(t_max=3)").startsWith("run.yaml: optimizer.schedule: unknown schedule 'cosin';"
                + " did you mean 'cosine'?"));
        RunSpec onecycle = bind("optimizer.schedule=onecycle(max_lr=0.1, total_steps=10)");
        var data = onecycle.loadData();
        assertEquals("run.yaml: optimizer.schedule: onecycle: total_steps is 10, but the run takes 100 steps (epochs x batches per"
                + " epoch); set total_steps to at least 100", assertThrows(ConfigException.class,
                () -> onecycle.checkAgainst(data, onecycle.newModel(data.train().sampleShape()))).getMessage());
    }

    private static RunSpec bind(String override) {
        Map<String, Object> tree = RunFiles.parseYaml("""
                data: { name: spirals, samples: 400 }
                model: { layers: [ { type: dense, units: 8, activation: relu }, { type: dense, units: 3 } ] }
                loss: softmax_cross_entropy
                optimizer: { type: sgd, lr: 0.1 }
                train: { epochs: 10, batch: 32 }
                """, "run.yaml");
        RunFiles.override(tree, override, "--set " + override);
        return RunSpec.bind(tree, "run.yaml");
    }

    private static String error(String override) {
        return assertThrows(ConfigException.class, () -> bind(override)).getMessage();
    }
}
