package dev.jnn.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Model;
import dev.jnn.api.Tensor;
import dev.jnn.api.data.Dataset;
import dev.jnn.core.Engine;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.layer.LeakyRelu;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import dev.jnn.core.train.Trainer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A trained model survives a save and a load bit for bit, and a damaged file is refused with a
 * message naming it, never with another exception or an out-of-memory error.
 */
class ModelFileTest {
    private static final Dataset DATA = Synthetic.spirals(400, 3, 0.2, 3);

    @TempDir
    Path dir;

    private static Sequential trained() {
        Sequential model = new Sequential(Dense.withActivation(16, "relu").init("he_normal"),
                new Dense(16, new LeakyRelu(0.2), true), Dense.withActivation(8, "tanh"), new Dense(3)).build(5, 2);
        Trainer.builder().model(model).loss(new SoftmaxCrossEntropy())
                .optimizer(Engine.shared().providers().optimizer("adam", Map.of("lr", 0.01))).epochs(3).build().fit(DATA);
        return model;
    }

    @Test
    void aSavedModelLoadsWithTheSameArchitectureAndPredictionsBitForBit() {
        Sequential model = trained();
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(model, file);
        Model loaded = ModelFile.load(file);
        assertEquals(model.toString(), loaded.toString());
        assertArrayEquals(model.predict(DATA.features()).data(), loaded.predict(DATA.features()).data(), 0f);
        Map<String, String> metadata = ModelFile.metadata(file);
        assertEquals("1", metadata.get("format_version"));
        assertTrue(metadata.get("architecture").contains("\"activation\":\"leaky_relu(negative_slope=0.2)\""), metadata.get("architecture"));
        Map<String, Tensor> weights = SafeTensors.load(file);
        assertEquals(List.of("0.dense.weight", "0.dense.bias", "1.dense.weight", "1.dense.bias", "2.dense.weight",
                "2.dense.bias", "3.dense.weight", "3.dense.bias"), List.copyOf(weights.keySet()));
        assertTrue(weights.get("0.dense.weight").contentEquals(model.parameters().get(0).value()));
    }

    @Test
    void everyTruncationAndEveryFlippedHeaderByteIsRefusedWithTheFilesName() throws IOException {
        Path file = dir.resolve("model.safetensors");
        ModelFile.save(trained(), file);
        byte[] whole = Files.readAllBytes(file);
        long headerEnd = 8 + ByteBuffer.wrap(whole, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Path damaged = dir.resolve("damaged.safetensors");
        int cases = 0;
        for (int length = 0; length < whole.length; length += length < headerEnd + 64 ? 1 : 97) {
            Files.write(damaged, Arrays.copyOf(whole, length));
            ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.load(damaged), "truncated to " + length);
            assertTrue(e.getMessage().startsWith(damaged.toString()), e.getMessage());
            cases++;
        }
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < 400; i++) {
            byte[] flipped = whole.clone();
            int at = random.nextInt((int) headerEnd);
            flipped[at] ^= (byte) (1 << random.nextInt(8));
            Files.write(damaged, flipped);
            try {
                ModelFile.load(damaged);                           // a flip inside a number may still be a valid file
            } catch (ModelFileException e) {
                assertTrue(e.getMessage().startsWith(damaged.toString()), e.getMessage());
            }
            cases++;
        }
        assertTrue(cases > 500, "cases: " + cases);
    }

    @Test
    void aForgedHeaderLengthIsRefusedBeforeAnythingIsAllocated() throws IOException {
        Path file = dir.resolve("forged.safetensors");
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1L << 62).putLong(0);
        Files.write(file, b.array());
        assertEquals(file + ": the header length is 4611686018427387904 bytes, but the file has 8 after the length"
                + " (and at most 104857600 are accepted); it is not a safetensors file, or it is truncated", assertThrows(ModelFileException.class, () -> ModelFile.load(file)).getMessage());
    }

    @Test
    void forgedShapesAndOffsetsAreRefusedNamingTheTensor() throws IOException {
        assertEquals(": tensor 'w' has data_offsets [0, 8589934592], outside the 16 bytes of data the file holds; it is truncated or corrupted",
                error("{\"w\":{\"dtype\":\"F32\",\"shape\":[1024,1024],\"data_offsets\":[0,8589934592]}}"));
        assertEquals(": tensor 'w' has shape [65536,65536]: more values than one array holds",
                error("{\"w\":{\"dtype\":\"F32\",\"shape\":[65536,65536],\"data_offsets\":[0,16]}}"));
        assertEquals(": tensor 'w' has dtype \"F16\"; jnn reads F32 only",
                error("{\"w\":{\"dtype\":\"F16\",\"shape\":[2],\"data_offsets\":[0,4]}}"));
        assertEquals(": tensor 'w' has 16 bytes for shape [3], which needs 12",
                error("{\"w\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,16]}}"));
        assertEquals(": tensors 'a' and 'b' overlap", error("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}"));
        assertTrue(error("{\"w\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}").startsWith(
                ": is a safetensors file without a jnn architecture"));
    }

    @Test
    void aLayerWhoseProviderIsMissingIsNamedWithTheJarThatMadeIt() throws IOException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "jnn-model");
        metadata.put("format_version", "1");
        metadata.put("architecture", "{\"type\":\"sequential\",\"input_shape\":[2],\"layers\":[{\"type\":\"swish\",\"beta\":1.5}]}");
        metadata.put("providers", "{\"swish\":\"com.example.swish.SwishProvider (swish-layer.jar)\"}");
        Path file = dir.resolve("plugin.safetensors");
        SafeTensors.write(file, Map.of(), metadata);
        assertEquals(file + ": layer 0 is 'swish', which no provider on the class path makes; it was made by"
                + " com.example.swish.SwishProvider (swish-layer.jar): put that jar on the class path (jnn --plugins JAR)",
                assertThrows(ModelFileException.class, () -> ModelFile.load(file)).getMessage());
        metadata.put("format_version", "2");
        SafeTensors.write(file, Map.of(), metadata);
        assertEquals(file + ": is format version 2, written by jnn null; this jnn 0.1.0 reads versions 1 to 1",
                assertThrows(ModelFileException.class, () -> ModelFile.load(file)).getMessage());
    }

    @Test
    void tensorsThatDoNotFitTheArchitectureAreNamed() throws IOException {
        Path file = dir.resolve("model.safetensors");
        Sequential model = new Sequential(new Dense(3)).build(1, 2);
        ModelFile.save(model, file);
        Map<String, String> metadata = ModelFile.metadata(file);
        SafeTensors.write(file, Map.of("0.dense.weight", Tensor.zeros(3, 2), "0.dense.bias", Tensor.zeros(3)), metadata);
        assertEquals(file + ": tensor '0.dense.weight' has shape [3, 2], but the architecture's model needs [2, 3]",
                assertThrows(ModelFileException.class, () -> ModelFile.load(file)).getMessage());
        SafeTensors.write(file, Map.of("0.dense.weight", Tensor.zeros(2, 3)), metadata);
        assertTrue(assertThrows(ModelFileException.class, () -> ModelFile.load(file)).getMessage()
                .startsWith(file + ": has no tensor '0.dense.bias', which the architecture's model needs"));
    }

    @Test
    void anInterruptedWriteLeavesThePreviousFileLoadable() throws IOException {
        Path file = dir.resolve("model.safetensors");
        Sequential model = trained();
        ModelFile.save(model, file);
        byte[] before = Files.readAllBytes(file);
        Tensor huge = Tensor.zeros(4);
        Map<String, Tensor> failing = new LinkedHashMap<>() {
            @Override
            public java.util.Collection<Tensor> values() {
                throw new IllegalStateException("injected: the disk is full");    // fails after the header is written
            }
        };
        failing.put("x", huge);
        assertThrows(IllegalStateException.class, () -> SafeTensors.write(file, failing, Map.of()));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("model.safetensors"), files.map(p -> p.getFileName().toString()).toList());
        }
        ModelFile.load(file);
    }

    /** The message after the file name when loading a file of this header and 16 bytes of data. */
    private String error(String header) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        Path file = dir.resolve("forged.safetensors");
        Files.write(file, b.array());
        String message = assertThrows(ModelFileException.class, () -> ModelFile.load(file)).getMessage();
        return message.substring(file.toString().length());
    }
}
