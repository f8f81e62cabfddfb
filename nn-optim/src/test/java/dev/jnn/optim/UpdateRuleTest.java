package dev.jnn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.api.Optimizer;
import dev.jnn.api.OptimizerState;
import dev.jnn.api.Parameter;
import dev.jnn.api.spi.Providers;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Update rules against steps worked out by hand from the formulas in docs/optimizers.md. */
class UpdateRuleTest {
    private static final Providers PROVIDERS = Providers.load(UpdateRuleTest.class.getClassLoader());


    private static Parameter param(float value, float grad) {
        Parameter p = Parameter.zeros("w", 1);
        p.value().data()[0] = value;
        p.gradient().data()[0] = grad;
        return p;
    }

    private static float[] run(Optimizer o, Parameter p, int steps) {
        float[] trace = new float[steps];
        for (int i = 0; i < steps; i++) {
            o.step(List.of(p));
            trace[i] = p.value().data()[0];
        }
        return trace;
    }

    @Test
    void plainSgdStepsLrTimesGradient() {
        // w = 1 - 0.1 * 2 = 0.8, then 0.6
        assertArrayEquals(new float[] {0.8f, 0.6f}, run(PROVIDERS.optimizer("sgd", Map.of("lr", 0.1)), param(1, 2), 2), 1e-6f);
    }

    @Test
    void momentumBufferStartsAtTheFirstGradient() {
        // g = 1 throughout: b1 = 1, w1 = 1 - 0.1 = 0.9; b2 = 0.9 + 1 = 1.9, w2 = 0.9 - 0.19 = 0.71;
        // b3 = 1.71 + 1 = 2.71, w3 = 0.71 - 0.271 = 0.439
        assertArrayEquals(new float[] {0.9f, 0.71f, 0.439f},
                run(PROVIDERS.optimizer("momentum", Map.of("lr", 0.1)), param(1, 1), 3), 1e-6f);
    }

    @Test
    void nesterovLooksAhead() {
        // g = 1: b1 = 1, step g + 0.9 b1 = 1.9, w1 = 1 - 0.19 = 0.81; b2 = 1.9, step 1 + 1.71 = 2.71, w2 = 0.81 - 0.271 = 0.539
        assertArrayEquals(new float[] {0.81f, 0.539f},
                run(PROVIDERS.optimizer("nesterov", Map.of("lr", 0.1)), param(1, 1), 2), 1e-6f);
    }

    @Test
    void adamFirstStepIsLrTimesTheSignOfTheGradient() {
        // m_hat = g, v_hat = g^2, so the step is lr * g / (|g| + eps), whatever g's size
        assertArrayEquals(new float[] {1f - 0.001f}, run(PROVIDERS.optimizer("adam", Map.of()), param(1, 5e-3f), 1), 1e-6f);
        assertArrayEquals(new float[] {1f + 0.01f}, run(PROVIDERS.optimizer("adam", Map.of("lr", 0.01)), param(1, -300f), 1), 1e-6f);
    }

    @Test
    void adamwShrinksTheWeightBeforeTheStepAndAdamAddsTheDecayToTheGradient() {
        // AdamW: w = 2 * (1 - 0.1 * 0.5) = 1.9, then minus lr * sign(g) = 1.8
        assertArrayEquals(new float[] {1.8f},
                run(PROVIDERS.optimizer("adamw", Map.of("lr", 0.1, "weight_decay", 0.5)), param(2, 1), 1), 1e-6f);
        // Adam with L2: g' = -1 + 0.5 * 2 = 0 gives m = v = 0, so w stays 2
        assertArrayEquals(new float[] {2f},
                run(PROVIDERS.optimizer("adam", Map.of("lr", 0.1, "weight_decay", 0.5)), param(2, -1), 1), 1e-6f);
    }

    @Test
    void rmspropFirstStepDividesByTheRootOfOneMinusAlphaTimesGSquared() {
        // v = 0.01 * 4 = 0.04, denom = 0.2 + 1e-8, w = 1 - 0.01 * 2 / 0.2 = 0.9
        assertArrayEquals(new float[] {0.9f}, run(PROVIDERS.optimizer("rmsprop", Map.of()), param(1, 2), 1), 1e-6f);
    }

    @Test
    void excludedParametersTakeNoWeightDecay() {
        Parameter exempt = new Parameter("b", param(1, 0).value(), param(1, 0).gradient(), false);
        exempt.value().data()[0] = 1;
        PROVIDERS.optimizer("sgd", Map.of("lr", 0.1, "weight_decay", 0.5)).step(List.of(exempt));
        assertEquals(1f, exempt.value().data()[0]);
    }

    @Test
    void stateRoundTripsSoThatTrainingContinuesExactly() {
        Parameter straight = param(1, 0.3f);
        Optimizer uninterrupted = PROVIDERS.optimizer("adam", Map.of("lr", 0.05, "amsgrad", true));
        run(uninterrupted, straight, 6);

        Parameter resumed = param(1, 0.3f);
        Optimizer first = PROVIDERS.optimizer("adam", Map.of("lr", 0.05, "amsgrad", true));
        run(first, resumed, 3);
        OptimizerState saved = first.state();
        assertEquals(3, saved.step());
        assertEquals(List.of("w/exp_avg", "w/exp_avg_sq", "w/max_exp_avg_sq"), List.copyOf(saved.buffers().keySet()));
        Optimizer second = PROVIDERS.optimizer("adam", Map.of("lr", 0.05, "amsgrad", true));
        second.loadState(saved, List.of(resumed));
        run(second, resumed, 3);

        assertEquals(straight.value().data()[0], resumed.value().data()[0], 0f);
    }
}
