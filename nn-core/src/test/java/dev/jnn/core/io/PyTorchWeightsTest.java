package dev.jnn.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Tensor;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.model.Sequential;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Weights of a PyTorch nn.Sequential, written by tools/reference/pytorch_sequential.py with PyTorch
 * 1.13 and checked in, give PyTorch's own outputs in the equivalent jnn model.
 */
class PyTorchWeightsTest {
    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PyTorchWeightsTest.class.getResource("/pytorch/" + name).toURI());
    }

    private static Sequential equivalent() {
        return new Sequential(Dense.withActivation(8, "tanh"), Dense.withActivation(8, "relu"), new Dense(3)).build(1, 5);
    }

    @Test
    void aPyTorchSequentialPredictsTheSameWithin1e5() throws Exception {
        Sequential model = equivalent();
        PyTorchWeights.load(resource("mlp.safetensors"), model);
        Map<String, Tensor> io = SafeTensors.load(resource("mlp_io.safetensors"));
        float[] expected = io.get("output").data();
        float[] actual = model.predict(io.get("input")).data();
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], 1e-5 * Math.max(1, Math.abs(expected[i])), "output " + i);
        }
    }

    @Test
    void aModelOfAnotherShapeIsRefusedNamingTheModule() throws Exception {
        Sequential other = new Sequential(Dense.withActivation(8, "tanh"), Dense.withActivation(4, "relu"), new Dense(3)).build(1, 5);
        Path file = resource("mlp.safetensors");
        String message = assertThrows(ModelFileException.class, () -> PyTorchWeights.load(file, other)).getMessage();
        assertTrue(message.endsWith("module 2.weight has shape [8, 8], but the jnn layer 1.dense.weight [8, 4] needs [4, 8]"
                + " (PyTorch stores [out, in])"), message);
    }
}
