package dev.jnn.optim.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Initializer;
import dev.jnn.api.Tensor;
import dev.jnn.api.spi.Providers;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The sample mean and standard deviation of a 400 x 300 weight (120,000 draws, so the sample std is
 * within about 0.5% of the true one) match the formula within 2%: tight enough that using the wrong
 * fan (fan_in 400 instead of fan_out 300 changes std by 15%) or a missing gain fails.
 */
class InitializerStatisticsTest {
    private static final Providers PROVIDERS = Providers.load(InitializerStatisticsTest.class.getClassLoader());

    static final int FAN_IN = 400;
    static final int FAN_OUT = 300;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            // name          | settings                            | expected std
            "xavier_uniform  |                                     | 0.053452248",  // sqrt(2 / 700)
            "xavier_normal   | gain=1.6666666666666667             | 0.089087081",  // 5/3 sqrt(2 / 700)
            "he_uniform      |                                     | 0.070710678",  // sqrt(2 / 400)
            "he_normal       |                                     | 0.070710678",
            "he_normal       | mode=fan_out                        | 0.081649658",  // sqrt(2 / 300)
            "he_normal       | nonlinearity=tanh                   | 0.083333333",  // 5/3 / sqrt(400)
            "he_uniform      | nonlinearity=leaky_relu,negative_slope=0.2 | 0.069337525", // sqrt(2/1.04)/20
            "lecun_normal    |                                     | 0.05",         // 1 / sqrt(400)
            "normal          | std=0.3                             | 0.3",
            "uniform         | low=-0.5,high=0.5                   | 0.288675135"}) // 1 / sqrt(12)
    void sampleStdMatchesTheFormula(String name, String settings, double expectedStd) {
        Tensor w = Tensor.zeros(FAN_IN, FAN_OUT);
        Initializer init = PROVIDERS.initializer(name, parse(settings));
        init.fill(w, FAN_IN, FAN_OUT, new SplittableRandom(42));
        double mean = 0;
        for (float v : w.data()) {
            mean += v;
        }
        mean /= w.size();
        double variance = 0;
        for (float v : w.data()) {
            variance += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(variance / w.size());
        assertEquals(0, mean, 0.02 * expectedStd, "sample mean");
        assertEquals(expectedStd, std, 0.02 * expectedStd, "sample std");
    }

    @Test
    void uniformDrawsStayWithinTheBoundAndReachIt() {
        Tensor w = Tensor.zeros(FAN_IN, FAN_OUT);
        PROVIDERS.initializer("xavier_uniform", Map.of()).fill(w, FAN_IN, FAN_OUT, new SplittableRandom(1));
        double bound = Math.sqrt(6.0 / (FAN_IN + FAN_OUT));
        float max = 0;
        for (float v : w.data()) {
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max <= bound && max > 0.999 * bound, "max |w| " + max + " against bound " + bound);
    }

    @Test
    void theSameSeedDrawsTheSameWeights() {
        Tensor a = Tensor.zeros(20, 10);
        Tensor b = Tensor.zeros(20, 10);
        PROVIDERS.initializer("he_normal", Map.of()).fill(a, 20, 10, new SplittableRandom(7));
        PROVIDERS.initializer("he_normal", Map.of()).fill(b, 20, 10, new SplittableRandom(7));
        assertTrue(a.contentEquals(b));
    }

    @Test
    void badSettingsAreRejected() {
        assertEquals("initializer 'he_normal': setting 'mode' must be fan_in or fan_out, got \"fan_avg\"",
                assertThrows(IllegalArgumentException.class,
                        () -> PROVIDERS.initializer("he_normal", Map.of("mode", "fan_avg"))).getMessage());
        assertEquals("no gain is known for nonlinearity 'selu'; known: linear, identity, sigmoid, tanh, relu, leaky_relu",
                assertThrows(IllegalArgumentException.class,
                        () -> PROVIDERS.initializer("he_normal", Map.of("nonlinearity", "selu"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> PROVIDERS.initializer("xavier_uniform", Map.of("gain", -1)));
        assertThrows(IllegalArgumentException.class, () -> PROVIDERS.initializer("uniform", Map.of("low", 1, "high", 0)));
    }

    private static Map<String, String> parse(String settings) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        if (settings != null && !settings.isBlank()) {
            for (String kv : settings.split(",")) {
                map.put(kv.split("=")[0].trim(), kv.split("=")[1].trim());
            }
        }
        return map;
    }
}
