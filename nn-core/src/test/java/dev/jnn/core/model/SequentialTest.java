package dev.jnn.core.model;

import dev.jnn.core.Engine;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Model;
import dev.jnn.api.Parameter;
import dev.jnn.api.Tensor;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.layer.Flatten;
import dev.jnn.core.layer.Relu;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SequentialTest {
    private static final Providers PROVIDERS = Providers.load(SequentialTest.class.getClassLoader());


    @Test
    void infersEveryShapeAndNamesEveryParameter() {
        Sequential model = new Sequential(new Flatten(), Dense.withActivation(16, "relu"), new Dense(3)).build(1, 2, 4);
        assertArrayEquals(new int[] {3}, model.outputShape());
        assertEquals(List.of("1.dense.weight", "1.dense.bias", "2.dense.weight", "2.dense.bias"),
                model.parameters().stream().map(Parameter::name).toList());
        assertEquals(8 * 16 + 16 + 16 * 3 + 3, model.parameterCount());
        assertArrayEquals(new int[] {5, 3}, model.forward(Tensor.zeros(5, 2, 4), false).shape());
    }

    @Test
    void printsItsArchitecture() {
        Sequential model = new Sequential(Dense.withActivation(16, "relu"), new Dense(3)).build(1, 8);
        String summary = model.toString();
        assertTrue(summary.startsWith("Sequential (input [8])"), summary);
        assertTrue(summary.contains("dense(16, relu)"), summary);
        assertTrue(summary.contains("total 195 weights"), summary);
    }

    @Test
    void aLayerThatCannotTakeItsInputIsNamedWithIndexTypeAndShape() {
        Sequential model = new Sequential(new Dense(4), new Relu(), new Dense(2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.build(1, 3, 5));
        assertEquals("layer 0 (dense) cannot take input of shape [3, 5]: dense expects one-dimensional samples [features],"
                + " got [3, 5]; put a flatten layer before it", e.getMessage());
    }

    @Test
    void inputOfTheWrongShapeIsRejectedWithBothShapes() {
        Sequential model = new Sequential(new Dense(2)).build(1, 4);
        assertEquals("model input: input has shape [10, 5], expected [batch, 4]",
                assertThrows(IllegalArgumentException.class, () -> model.forward(Tensor.zeros(10, 5), false)).getMessage());
    }

    @Test
    void aLayerBelongsToOneModel() {
        Dense shared = new Dense(2);
        new Sequential(shared).build(1, 3);
        assertEquals("layer 0 (dense) is built already, as part of another model; a layer belongs to one model: create a new one"
                + " (its weights would be shared and its cached batch mixed)",
                assertThrows(IllegalStateException.class, () -> new Sequential(shared).build(1, 3)).getMessage());
    }

    @Test
    void backwardWithAnotherBatchThanForwardIsRefused() {
        Sequential model = new Sequential(Dense.withActivation(4, "tanh"), new Dense(2)).build(1, 3);
        model.forward(Tensor.zeros(5, 3), true);
        assertEquals("dense: backward got a gradient for 2 samples, but the last forward batch had 5",
                assertThrows(IllegalArgumentException.class, () -> model.backward(Tensor.zeros(2, 2))).getMessage());
        Sequential fresh = new Sequential(new Dense(2)).build(1, 3);
        assertEquals("dense: backward called before forward; run forward on the batch first",
                assertThrows(IllegalStateException.class, () -> fresh.backward(Tensor.zeros(2, 2))).getMessage());
    }

    @Test
    void isFoundByNameLikeEverythingElse() {
        Model model = PROVIDERS.model("sequential");
        model.add(PROVIDERS.layer("dense", Map.of("units", 2)));
        model.build(new int[] {3}, Engine.shared().context(5));
        assertEquals(2, model.parameters().size());
    }

    @Test
    void theSameSeedDrawsTheSameWeights() {
        Sequential a = new Sequential(Dense.withActivation(8, "tanh"), new Dense(2)).build(42, 3);
        Sequential b = new Sequential(Dense.withActivation(8, "tanh"), new Dense(2)).build(42, 3);
        Sequential c = new Sequential(Dense.withActivation(8, "tanh"), new Dense(2)).build(43, 3);
        assertTrue(a.parameters().get(0).value().contentEquals(b.parameters().get(0).value()));
        assertTrue(a.parameters().get(2).value().contentEquals(b.parameters().get(2).value()));
        assertTrue(!a.parameters().get(0).value().contentEquals(c.parameters().get(0).value()));
    }
}
