package dev.jnn.core.loss;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.jnn.api.Tensor;
import org.junit.jupiter.api.Test;

/** Loss values and gradients against hand-computed figures, including logits far too large for exp. */
class LossTest {

    @Test
    void softmaxCrossEntropyOfAKnownCase() {
        // logits [1, 2, 3], class 2: logsumexp = 3 + ln(e^-2 + e^-1 + 1) = 3.4076059644, loss 0.4076059644
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        assertEquals(0.4076059644, loss.forward(Tensor.matrix(new float[] {1, 2, 3}), Tensor.of(new float[] {2}, 1, 1)), 1e-6);
        // gradient softmax - onehot = [0.09003057, 0.24472847, 0.66524096 - 1]
        assertArrayEquals(new float[] {0.09003057f, 0.24472847f, -0.33475904f}, loss.backward().data(), 1e-6f);
    }

    @Test
    void softmaxCrossEntropyIsStableForLogitsOfMagnitudeThousand() {
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        Tensor logits = Tensor.matrix(new float[] {1000, 0, -1000}, new float[] {1000, 0, -1000});
        float value = loss.forward(logits, Tensor.of(new float[] {0, 1}, 2, 1));
        assertEquals((0 + 1000) / 2.0, value, 1e-3); // sample 1: loss ~0; sample 2: 1000
        assertArrayEquals(new float[] {0, 0, 0, 0.5f, -0.5f, 0}, loss.backward().data(), 1e-6f);
    }

    @Test
    void oneHotTargetsGiveTheSameAsIndices() {
        Tensor logits = Tensor.matrix(new float[] {0.3f, -2, 1.5f}, new float[] {2, 1, 0});
        SoftmaxCrossEntropy a = new SoftmaxCrossEntropy();
        SoftmaxCrossEntropy b = new SoftmaxCrossEntropy();
        float byIndex = a.forward(logits, Tensor.of(new float[] {2, 1}, 2));
        float byOneHot = b.forward(logits, Tensor.matrix(new float[] {0, 0, 1}, new float[] {0, 1, 0}));
        assertEquals(byIndex, byOneHot, 1e-6);
        assertArrayEquals(a.backward().data(), b.backward().data(), 1e-7f);
        assertEquals(0.5, a.accuracy(logits, Tensor.of(new float[] {2, 1}, 2)));
    }

    @Test
    void targetsThatDoNotFitAreRejectedWithBothShapes() {
        SoftmaxCrossEntropy loss = new SoftmaxCrossEntropy();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> loss.forward(Tensor.zeros(4, 3), Tensor.zeros(4, 2)));
        assertEquals("softmax_cross_entropy: targets of shape [4, 2] do not fit predictions of shape [4, 3]; expected "
                + "class indices [4] or [4, 1], or one row per sample [4, 3]", e.getMessage());
        assertEquals("softmax_cross_entropy: target of sample 1 is 3.0; expected a class index from 0 to 2",
                assertThrows(IllegalArgumentException.class,
                        () -> loss.forward(Tensor.zeros(2, 3), Tensor.of(new float[] {0, 3}, 2, 1))).getMessage());
    }

    @Test
    void binaryCrossEntropyOfAKnownCaseAndOfHugeLogits() {
        BinaryCrossEntropy loss = new BinaryCrossEntropy();
        // z = 0, y = 1: ln 2; z = 2, y = 0: 2 + ln(1 + e^-2) = 2.126928011
        assertEquals((Math.log(2) + 2.126928011) / 2, loss.forward(Tensor.matrix(new float[] {0, 2}), Tensor.matrix(new float[] {1, 0})), 1e-6);
        // gradient (sigmoid(z) - y) / N = [(0.5 - 1) / 2, 0.880797078 / 2]
        assertArrayEquals(new float[] {-0.25f, 0.440398539f}, loss.backward().data(), 1e-6f);
        assertEquals(50.0, loss.forward(Tensor.matrix(new float[] {-100, 100}), Tensor.matrix(new float[] {1, 1})), 1e-4);
        assertEquals(0.5, loss.accuracy(Tensor.matrix(new float[] {-100, 100}), Tensor.matrix(new float[] {1, 1})));
    }

    @Test
    void meanSquaredErrorAveragesOverEveryValue() {
        MeanSquaredError loss = new MeanSquaredError();
        assertEquals(2.5, loss.forward(Tensor.matrix(new float[] {1, 2}), Tensor.matrix(new float[] {0, 0})), 1e-7);
        assertArrayEquals(new float[] {1, 2}, loss.backward().data(), 1e-7f);
        assertEquals(Double.NaN, loss.accuracy(Tensor.zeros(1, 1), Tensor.zeros(1, 1)));
    }
}
