package dev.jnn.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.api.Layer;
import dev.jnn.api.Loss;
import dev.jnn.api.Tensor;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.Engine;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ELU, GELU (exact and tanh), softplus, Huber and L1 give the values and gradients PyTorch 1.13
 * prints ({@code tools/reference/activations_losses.py}), within 1e-6.
 */
class ActivationAndLossValuesTest {
    private static final Providers PROVIDERS = Engine.shared().providers();
    private static final float[] X = {-3.0f, -1.0f, -0.25f, 0.0f, 0.5f, 2.0f, 25.0f};

    static Stream<Arguments> activations() {
        return Stream.of(
                Arguments.of("elu", Map.of(),
                        new float[] {-0.95021296f, -0.63212055f, -0.22119921f, 0.0f, 0.5f, 2.0f, 25.0f},
                        new float[] {0.04978707f, 0.36787945f, 0.77880079f, 1.0f, 1.0f, 1.0f, 1.0f}),
                Arguments.of("elu", Map.of("alpha", 0.5),
                        new float[] {-0.47510648f, -0.31606027f, -0.11059961f, 0.0f, 0.5f, 2.0f, 25.0f},
                        new float[] {0.02489353f, 0.18393973f, 0.38940039f, 0.5f, 1.0f, 1.0f, 1.0f}),
                Arguments.of("gelu", Map.of(),
                        new float[] {-0.00404987f, -0.15865529f, -0.10032343f, 0.0f, 0.3457312f, 1.95449996f, 25.0f},
                        new float[] {-0.01194561f, -0.08331543f, 0.3046267f, 0.5f, 0.86749506f, 1.0852319f, 1.0f}),
                Arguments.of("gelu", Map.of("approximate", "tanh"),
                        new float[] {-0.00363743f, -0.15880799f, -0.10032465f, 0.0f, 0.345714f, 1.95459771f, 25.0f},
                        new float[] {-0.0115843f, -0.08296409f, 0.3046459f, 0.5f, 0.86736989f, 1.08609927f, 1.0f}),
                Arguments.of("softplus", Map.of(),
                        new float[] {0.04858735f, 0.31326169f, 0.57593942f, 0.69314718f, 0.97407699f, 2.12692809f, 25.0f},
                        new float[] {0.04742587f, 0.26894143f, 0.4378235f, 0.5f, 0.62245935f, 0.88079709f, 1.0f}),
                Arguments.of("softplus", Map.of("beta", 2, "threshold", 5),
                        new float[] {0.00123784f, 0.063464f, 0.23703849f, 0.34657359f, 0.65663081f, 2.00907493f, 25.0f},
                        new float[] {0.00247262f, 0.11920292f, 0.37754068f, 0.5f, 0.7310586f, 0.98201376f, 1.0f}));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("activations")
    void activationsMatchPyTorch(String name, Map<String, Object> settings, float[] values, float[] gradient) {
        Layer layer = PROVIDERS.layer(name, settings);
        layer.build(new int[] {X.length}, Engine.shared().context(1).withPrefix("t."));
        Tensor y = layer.forward(Tensor.of(X.clone(), 1, X.length), true);
        assertArrayEquals(values, y.data(), 1e-6f, name + " values");
        float[] ones = new float[X.length];
        java.util.Arrays.fill(ones, 1f);
        Tensor dx = layer.backward(Tensor.of(ones, 1, X.length));
        assertArrayEquals(gradient, dx.data(), 1e-6f, name + " gradient");
    }

    @Test
    void huberAndL1MatchPyTorch() {
        Tensor p = Tensor.matrix(new float[] {0.5f, -1.0f, 3.0f}, new float[] {2.0f, 0.0f, -0.5f});
        Tensor t = Tensor.matrix(new float[] {0.0f, 0.5f, 0.5f}, new float[] {-1.0f, 0.2f, 1.0f});
        check(PROVIDERS.losses().create("huber", Map.of()), p, t, 1.10749996f,
                new float[] {0.08333334f, -0.16666667f, 0.16666667f, 0.16666667f, -0.03333334f, -0.16666667f});
        check(PROVIDERS.losses().create("huber", Map.of("delta", 0.5)), p, t, 0.64916664f,
                new float[] {0.08333334f, -0.08333334f, 0.08333334f, 0.08333334f, -0.03333334f, -0.08333334f});
        check(PROVIDERS.loss("l1"), p, t, 1.5333333f,
                new float[] {0.16666667f, -0.16666667f, 0.16666667f, 0.16666667f, -0.16666667f, -0.16666667f});
    }

    @Test
    void impossibleSettingsAreRefusedNamingThem() {
        assertEquals("layer 'softplus': setting 'beta' must be greater than 0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> PROVIDERS.layer("softplus", Map.of("beta", 0))).getMessage());
        assertEquals("layer 'gelu': setting 'approximate' must be none or tanh, got \"sigmoid\"",
                assertThrows(IllegalArgumentException.class, () -> PROVIDERS.layer("gelu", Map.of("approximate", "sigmoid"))).getMessage());
        assertEquals("loss 'huber': setting 'delta' must be greater than 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> PROVIDERS.losses().create("huber", Map.of("delta", -1))).getMessage());
    }

    private static void check(Loss loss, Tensor p, Tensor t, float expected, float[] gradient) {
        assertEquals(expected, loss.forward(p, t), 1e-6f, loss.type());
        assertArrayEquals(gradient, loss.backward().data(), 1e-6f, loss.type() + " gradient");
    }
}
