package dev.jnn.core.layer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Model;
import dev.jnn.api.Tensor;
import dev.jnn.core.Engine;
import dev.jnn.core.check.GradientCheck;
import dev.jnn.core.io.ModelFile;
import dev.jnn.core.model.Sequential;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BatchNorm1d's forward, backward, running statistics and evaluation against PyTorch 1.13 ({@code tools/reference/batch_norm.py}). */
class BatchNormTest {
    private static final float[] X = {0.5f, -1.0f, 2.0f, 1.5f, 0.0f, -2.0f, -0.5f, 2.0f, 1.0f, 2.5f, 1.0f, 0.0f};
    private static final float[] DY = {0.1f, -0.2f, 0.3f, 0.4f, 0.5f, -0.6f, -0.7f, 0.8f, 0.9f, 1.0f, -1.1f, 0.2f};

    private static BatchNorm built() {
        BatchNorm bn = new BatchNorm(0.1, 1e-5, true);
        bn.build(new int[] {3}, Engine.shared().context(1).withPrefix("0.batch_norm."));
        System.arraycopy(new float[] {1.5f, -0.5f, 2.0f}, 0, bn.parameters().get(0).value().data(), 0, 3);
        System.arraycopy(new float[] {0.1f, 0.2f, -0.3f}, 0, bn.parameters().get(1).value().data(), 0, 3);
        return bn;
    }

    @Test
    void aTrainingStepMatchesPyTorchWithin1e5() {
        BatchNorm bn = built();
        Tensor y = bn.forward(Tensor.of(X.clone(), 4, 3), true);
        assertClose(new float[] {-0.5708177f, 0.8708177f, 2.0664263f, 0.7708178f, 0.4236059f, -3.3425484f, -1.9124532f, -0.4708177f,
                0.7141827f, 2.1124532f, -0.0236059f, -0.6380609f}, y.data(), "y");
        Tensor dx = bn.backward(Tensor.of(DY.clone(), 4, 3));
        assertClose(new float[] {0.2280751f, -0.0044714f, -0.5408944f, -0.0939116f, -0.2549105f, -0.2124994f, -0.1207559f, -0.2638557f,
                0.6568053f, -0.0134076f, 0.5232376f, 0.0965884f}, dx.data(), "dx");
        assertClose(new float[] {2.4149437f, 0.6260965f, 1.6903048f}, bn.parameters().get(0).gradient().data(), "dweight");
        assertClose(new float[] {0.8f, 0.0f, 0.8f}, bn.parameters().get(1).gradient().data(), "dbias");
    }

    @Test
    void runningStatisticsAndEvaluationMatchPyTorch() {
        BatchNorm bn = built();
        bn.forward(Tensor.of(X.clone(), 4, 3), true);
        float[] twice = X.clone();
        float[] plusOne = X.clone();
        for (int i = 0; i < X.length; i++) {
            twice[i] *= 2;
            plusOne[i] += 1;
        }
        bn.forward(Tensor.of(twice, 4, 3), true);
        bn.forward(Tensor.of(plusOne, 4, 3), true);
        assertClose(new float[] {0.461f, 0.2805f, 0.19025f}, bn.buffers().get(0).value().data(), "running_mean");
        assertClose(new float[] {1.6306665f, 1.6306665f, 2.3069165f}, bn.buffers().get(1).value().data(), "running_var");
        assertClose(new float[] {0.1458113f, 0.7013785f, 2.0830419f, 1.3204582f, 0.3098295f, -3.1840765f, -1.0288358f, -0.4732685f,
                0.7662623f, 2.4951053f, -0.0817195f, -0.5505173f}, bn.forward(Tensor.of(X.clone(), 4, 3), false).data(), "eval y");
    }

    @Test
    void itsBackwardPassesTheGradientCheck() {
        GradientCheck.layer(new BatchNorm(0.1, 1e-5, true)).inputShape(5).batch(6).run().assertPassed();
    }

    @Test
    void theRunningStatisticsAreSavedWithTheModel(@TempDir Path dir) {
        Sequential model = new Sequential(new Dense(4), new BatchNorm(0.1, 1e-5, true), new Dense(2)).build(1, 3);
        Tensor batch = Tensor.of(X.clone(), 4, 3);
        model.forward(batch, true);
        ModelFile.save(model, dir.resolve("bn.safetensors"));
        Model loaded = ModelFile.load(dir.resolve("bn.safetensors"));
        assertArrayEquals(model.predict(batch).data(), loaded.predict(batch).data(), 0f);
        assertEquals(2, loaded.buffers().size());
        assertTrue(loaded.buffers().get(0).name().equals("1.batch_norm.running_mean"));
    }

    @Test
    void aBatchOfOneIsRefusedInTraining() {
        BatchNorm bn = built();
        assertEquals("batch_norm: training needs at least 2 samples per batch to measure a variance, got 1; use a larger batch"
                + " (or train.batch that does not leave a last batch of 1)",
                assertThrows(IllegalArgumentException.class, () -> bn.forward(Tensor.zeros(1, 3), true)).getMessage());
    }

    private static void assertClose(float[] expected, float[] actual, String what) {
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), what + "[" + i + "]");
        }
    }
}
