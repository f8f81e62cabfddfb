package dev.jnn.core.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Layer;
import dev.jnn.api.Tensor;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.loss.BinaryCrossEntropy;
import dev.jnn.core.loss.MeanSquaredError;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every built-in layer's and loss's backward agrees with central finite differences. */
class GradientCheckTest {
    private static final Providers PROVIDERS = Providers.load(GradientCheckTest.class.getClassLoader());


    static Stream<Arguments> layers() {
        return Stream.of(
                Arguments.of("dense", Map.of("units", 3)),
                Arguments.of("dense", Map.of("units", 5, "activation", "tanh")),
                Arguments.of("dense", Map.of("units", 2, "activation", "sigmoid", "bias", false)),
                Arguments.of("dense", Map.of("units", 4, "activation", "softmax")),
                // ReLU fused into the product (bias and max(0, .) applied as tiles are stored), and
                // its derivative taken from the output
                Arguments.of("dense", Map.of("units", 6, "activation", "relu", "init", "he_normal")),
                Arguments.of("relu", Map.of()),
                Arguments.of("leaky_relu", Map.of("negative_slope", 0.1)),
                Arguments.of("sigmoid", Map.of()),
                Arguments.of("tanh", Map.of()),
                Arguments.of("softmax", Map.of()),
                Arguments.of("identity", Map.of()),
                Arguments.of("elu", Map.of("alpha", 0.7)),
                Arguments.of("gelu", Map.of()),
                Arguments.of("gelu", Map.of("approximate", "tanh")),
                Arguments.of("softplus", Map.of("beta", 2, "threshold", 20)),
                Arguments.of("dense", Map.of("units", 3, "activation", "gelu")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("layers")
    void layerBackwardMatchesFiniteDifferences(String name, Map<String, Object> settings) {
        GradientCheckResult result = GradientCheck.layer(PROVIDERS.layer(name, settings)).inputShape(4).batch(3).run();
        assertTrue(result.worstRelativeError() < 2e-3, result.toString());
        assertTrue(result.checked() >= 12, result.toString());
    }

    @Test
    void flattenPassesGradientsThroughItsReshape() {
        GradientCheckResult result = GradientCheck.layer(PROVIDERS.layer("flatten", Map.of())).inputShape(2, 3).run();
        assertTrue(result.worstRelativeError() < 1e-3, result.toString());
    }

    @Test
    void denseChecksEveryWeightAndBias() {
        Dense dense = new Dense(3);
        GradientCheckResult result = GradientCheck.layer(dense).inputShape(4).batch(2).run().assertPassed();
        assertEquals(2 * 4 + 4 * 3 + 3, result.checked(), "inputs + weights + biases");
    }

    @Test
    void lossesBackwardMatchesFiniteDifferences() {
        Tensor logits = Tensor.matrix(new float[] {0.5f, -1.2f, 2.0f}, new float[] {0.1f, 0.3f, -0.7f});
        assertTrue(GradientCheck.loss(new SoftmaxCrossEntropy(), logits, Tensor.of(new float[] {2, 0}, 2, 1))
                .worstRelativeError() < 2e-3);
        Tensor soft = Tensor.matrix(new float[] {0.2f, 0.5f, 0.3f}, new float[] {0, 0, 1});
        assertTrue(GradientCheck.loss(new SoftmaxCrossEntropy(), logits, soft).worstRelativeError() < 2e-3);
        Tensor targets01 = Tensor.matrix(new float[] {1, 0, 1}, new float[] {0, 0.5f, 1});
        assertTrue(GradientCheck.loss(new BinaryCrossEntropy(), logits, targets01).worstRelativeError() < 2e-3);
        Tensor values = Tensor.matrix(new float[] {0.4f, 1.2f, -2}, new float[] {1, 0, 0.25f});
        assertTrue(GradientCheck.loss(new MeanSquaredError(), logits, values).worstRelativeError() < 2e-3);
        assertTrue(GradientCheck.loss(new dev.jnn.core.loss.HuberLoss(0.5), logits, values).worstRelativeError() < 2e-3);
        assertTrue(GradientCheck.loss(new dev.jnn.core.loss.L1Loss(), logits, values).worstRelativeError() < 2e-3);
    }

    /** Dense's math with dx computed from W instead of W^T: a classic bug on non-square weights. */
    static final class WrongBackward implements Layer {
        private final Dense inner = new Dense(4);
        private Tensor input;

        public String type() { return "wrong"; }
        public void build(int[] inputShape, BuildContext context) { inner.build(inputShape, context); }
        public int[] outputShape() { return inner.outputShape(); }
        public Tensor forward(Tensor x, boolean training) { input = x; return inner.forward(x, training); }
        public Tensor backward(Tensor dy) {
            Tensor right = inner.backward(dy);
            Tensor wrong = right.copy();
            wrong.data()[1] *= 1.5f; // one input gradient off by half
            return wrong;
        }
        public java.util.List<dev.jnn.api.Parameter> parameters() { return inner.parameters(); }
    }

    @Test
    void aLayerWithAWrongBackwardIsRejectedAndTheBadValueLocated() {
        GradientCheckResult result = GradientCheck.layer(new WrongBackward()).inputShape(4).batch(2).run();
        assertFalse(result.passed());
        assertTrue(result.worstRelativeError() > 0.2, result.toString());
        assertEquals("input[0, 1]", result.worstAt());
        AssertionError e = assertThrows(AssertionError.class, result::assertPassed);
        assertTrue(e.getMessage().startsWith("gradient check FAILED: worst relative error"), e.getMessage());
    }

    @Test
    void aWrongWeightGradientIsFoundToo() {
        Layer layer = new Dense(3);
        // A wrapper whose weight gradient is doubled after backward.
        Layer doubled = new Layer() {
            public String type() { return "doubled"; }
            public void build(int[] s, BuildContext c) { layer.build(s, c); }
            public int[] outputShape() { return layer.outputShape(); }
            public Tensor forward(Tensor x, boolean t) { return layer.forward(x, t); }
            public Tensor backward(Tensor dy) {
                Tensor dx = layer.backward(dy);
                float[] g = layer.parameters().get(0).gradient().data();
                for (int i = 0; i < g.length; i++) {
                    g[i] *= 2;
                }
                return dx;
            }
            public java.util.List<dev.jnn.api.Parameter> parameters() { return layer.parameters(); }
        };
        GradientCheckResult result = GradientCheck.layer(doubled).run();
        assertFalse(result.passed(), result.toString());
        assertTrue(result.worstAt().startsWith("parameter doubled.weight"), result.worstAt());
    }
}
