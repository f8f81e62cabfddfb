package dev.jnn.core.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.core.config.ConfigException;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.data.Csv;
import dev.jnn.core.data.DataFileException;
import dev.jnn.core.data.Idx;
import dev.jnn.core.io.ModelFile;
import dev.jnn.core.io.ModelFileException;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.model.Sequential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Every reader of files a user hands in, fed 10,000 generated or mutated inputs each: truncations,
 * flipped bytes, forged lengths and dimensions up to 2^31, wrong magic numbers, non-numeric and
 * non-finite cells, ragged rows, byte-order marks, CRLF, huge files. Each input is read correctly or
 * refused with the reader's documented exception and a message naming the file: no hang, no
 * out-of-memory error, no other exception type.
 */
class ReadersPropertyTest {
    private static Path dir;
    private static byte[] model;
    private static final String RUN = """
            seed: 7
            data: { name: spirals, samples: 200, classes: 3, noise: 0.2 }
            model:
              defaults: { activation: relu, init: he_normal }
              layers:
                - { type: dense, units: 16 }
                - { type: dense, units: 3, activation: identity }
            loss: softmax_cross_entropy
            optimizer: { type: adam, lr: 0.01 }
            train: { epochs: 3, batch: 16 }
            """;

    @BeforeContainer
    static void files() throws IOException {
        dir = Files.createTempDirectory("jnn-fuzz");
        Path file = dir.resolve("valid.safetensors");
        ModelFile.save(new Sequential(Dense.withActivation(4, "tanh"), new Dense(3)).build(1, 2), file);
        model = Files.readAllBytes(file);
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Fails unless {@code e} is one of the documented exceptions and names {@code file}. */
    private static void refusedNaming(Path file, RuntimeException e, Class<?>... documented) {
        boolean expected = List.of(documented).stream().anyMatch(c -> c.isInstance(e));
        if (!expected) {
            throw new AssertionError("undocumented " + e.getClass().getName() + " for " + file, e);
        }
        assertTrue(e.getMessage() != null && e.getMessage().contains(file.toString()), "the message names the file: " + e.getMessage());
    }

    // ------------------------------------------------------------------------------------ run files

    @Property(tries = 10_000)
    void runFilesAreReadOrRefusedNamingTheFile(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        String text = mutateText(RUN, random);
        Path file = dir.resolve("run-" + Long.toHexString(seed) + ".yaml");
        Files.writeString(file, text);
        try {
            RunSpec.load(file, List.of());
        } catch (ConfigException e) {
            refusedNaming(file, e, ConfigException.class);
        } finally {
            Files.delete(file);
        }
    }

    private static String mutateText(String valid, Random random) {
        StringBuilder s = new StringBuilder(valid);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(s.length() + 1);
            switch (random.nextInt(9)) {
                case 0 -> s.setLength(at);                                              // truncation
                case 1 -> {
                    if (at < s.length()) {
                        s.setCharAt(at, (char) random.nextInt(128));                       // a flipped character
                    }
                }
                case 2 -> s.insert(at, List.of(": ", "- ", "{", "}", "[", "]", "\"", "'", "#", "\t", "&a", "*a", "!!", "%", "@")
                        .get(random.nextInt(15)));
                case 3 -> s.insert(at, List.of("1e999", "-0", "NaN", ".inf", "2147483648", "-99999999999", "3.5", "0x10", "null",
                        "true", "~", "\"\"").get(random.nextInt(12)));
                case 4 -> s.insert(0, '\uFEFF');                                         // a byte-order mark
                case 5 -> {
                    String crlf = s.toString().replace("\n", "\r\n");
                    s.setLength(0);
                    s.append(crlf);
                }
                case 6 -> s.insert(at, "\nseed: 3\n");                                   // a duplicate key
                case 7 -> s.insert(at, "x".repeat(random.nextInt(3) == 0 ? 1_100_000 : 1000));   // huge
                default -> s.insert(at, "\n" + List.of("units: 1000000000", "epochs: 0", "samples: 2000000000", "lr: 1e39",
                        "batch: -1", "layers: []", "name: mnist", "type: swish", "classes: 1").get(random.nextInt(9)) + "\n");
            }
        }
        return s.toString();
    }

    // ------------------------------------------------------------------------------------ IDX

    @Property(tries = 10_000)
    void idxFilesAreReadOrRefusedNamingTheFile(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        int rank = 1 + random.nextInt(3);
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * rank);
        int magic = random.nextInt(8) == 0 ? random.nextInt() : 0x00000800 | (random.nextInt(6) == 0 ? random.nextInt(256) : rank);
        header.putInt(magic);
        long count = 1;
        for (int d = 0; d < rank; d++) {
            int dim = switch (random.nextInt(5)) {
                case 0 -> Integer.MAX_VALUE;
                case 1 -> 1 << random.nextInt(31);
                case 2 -> -random.nextInt(5);
                default -> 1 + random.nextInt(20);
            };
            header.putInt(dim);
            count = Math.min(1L << 40, count * Math.min(Math.max(1, dim), 1 << 20));   // saturating: what the body may hold
        }
        int body = (int) Math.min(random.nextInt(4) == 0 ? random.nextInt(5000) : count, 20_000);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(header.array(), 0, random.nextInt(6) == 0 ? random.nextInt(header.capacity()) : header.capacity());
        byte[] values = new byte[body];
        random.nextBytes(values);
        bytes.write(values);
        byte[] content = bytes.toByteArray();
        boolean gzip = random.nextBoolean();
        if (gzip) {
            ByteArrayOutputStream zipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(zipped)) {
                out.write(content);
            }
            content = zipped.toByteArray();
            if (random.nextInt(4) == 0) {
                content = java.util.Arrays.copyOf(content, random.nextInt(content.length));   // a cut-short download
            }
        }
        Path file = dir.resolve("idx-" + Long.toHexString(seed) + (gzip ? ".gz" : ""));
        Files.write(file, content);
        try {
            Idx.read(file, rank);
        } catch (DataFileException | UncheckedIOException e) {
            refusedNaming(file, e, DataFileException.class, UncheckedIOException.class);
        } finally {
            Files.delete(file);
        }
    }

    // ------------------------------------------------------------------------------------ CSV

    @Property(tries = 10_000)
    void csvFilesAreReadOrRefusedNamingTheFile(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        int columns = 1 + random.nextInt(5);
        StringBuilder csv = new StringBuilder(random.nextInt(5) == 0 ? "\uFEFF" : "");
        String newline = random.nextBoolean() ? "\n" : "\r\n";
        boolean header = random.nextBoolean();
        if (header) {
            for (int c = 0; c < columns; c++) {
                csv.append(c == 0 ? "" : ",").append(c == columns - 1 ? "label" : "f" + c);
            }
            csv.append(newline);
        }
        int rows = random.nextInt(30);
        for (int r = 0; r < rows; r++) {
            int cells = random.nextInt(8) == 0 ? 1 + random.nextInt(6) : columns;             // ragged now and then
            for (int c = 0; c < cells; c++) {
                csv.append(c == 0 ? "" : ",").append(cell(random));
            }
            csv.append(random.nextInt(20) == 0 ? newline + newline : newline);
        }
        Path file = dir.resolve("csv-" + Long.toHexString(seed) + ".csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        String label = random.nextBoolean() ? "label" : Integer.toString(random.nextInt(columns + 2) - 1);
        try {
            if (random.nextInt(4) == 0) {
                Csv.readFeatures(file, header);
            } else {
                Csv.read(file, label, header, random.nextBoolean());
            }
        } catch (DataFileException e) {
            refusedNaming(file, e, DataFileException.class);
        } finally {
            Files.delete(file);
        }
    }

    private static String cell(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> "";
            case 1 -> "NaN";
            case 2 -> "Infinity";
            case 3 -> "1e39";
            case 4 -> "abc";
            case 5 -> "\"1,5\"";
            case 6 -> "\"unclosed";
            case 7 -> "\"say \"\"hi\"\"\"";
            case 8 -> "-" + random.nextInt(100);
            default -> Float.toString(random.nextFloat() * 10);
        };
    }

    // ------------------------------------------------------------------------------------ model files

    @Property(tries = 10_000)
    void modelFilesAreReadOrRefusedNamingTheFile(@ForAll long seed) throws IOException {
        Random random = new Random(seed);
        byte[] bytes = model.clone();
        long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        switch (random.nextInt(6)) {
            case 0 -> bytes = java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length));               // truncation
            case 1 -> {
                for (int i = 0; i < 1 + random.nextInt(8); i++) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));               // flipped bits
                }
            }
            case 2 -> ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putLong(0, random.nextLong() >>> random.nextInt(64));
            case 3 -> {                                                                                    // forged numbers in the header
                String json = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
                String forged = json.replaceFirst("\\[\\d+,\\d+\\]", "[" + (1L << random.nextInt(40)) + "," + (1L << random.nextInt(40)) + "]")
                        .replaceFirst("\"shape\":\\[\\d+", "\"shape\":[" + (random.nextBoolean() ? Integer.MAX_VALUE : -1));
                bytes = withHeader(forged, bytes, headerLength);
            }
            case 4 -> {                                                                                    // a forged architecture
                String json = new String(bytes, 8, (int) headerLength, StandardCharsets.UTF_8);
                String forged = json.replace("\\\"units\\\":4", List.of("\\\"units\\\":-4", "\\\"units\\\":\\\"x\\\"",
                        "\\\"units\\\":2147483647", "\\\"unit\\\":4").get(random.nextInt(4)))
                        .replace("\\\"input_shape\\\":[2]", List.of("\\\"input_shape\\\":[\\\"a\\\"]", "\\\"input_shape\\\":[]",
                                "\\\"input_shape\\\":[-2]", "\\\"input_shape\\\":2").get(random.nextInt(4)))
                        .replace("\"format_version\":\"1\"", random.nextBoolean() ? "\"format_version\":\"9\"" : "\"format_version\":\"1\"");
                bytes = withHeader(forged, bytes, headerLength);
            }
            default -> {
                byte[] noise = new byte[random.nextInt(2000)];
                random.nextBytes(noise);
                bytes = noise;                                                                             // not a model file at all
            }
        }
        Path file = dir.resolve("model-" + Long.toHexString(seed) + ".safetensors");
        Files.write(file, bytes);
        try {
            ModelFile.load(file);
        } catch (ModelFileException e) {
            refusedNaming(file, e, ModelFileException.class);
        } finally {
            Files.delete(file);
        }
    }

    private static byte[] withHeader(String json, byte[] original, long headerLength) {
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        byte[] data = java.util.Arrays.copyOfRange(original, (int) (8 + headerLength), original.length);
        ByteBuffer out = ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        out.putLong(header.length).put(header).put(data);
        return out.array();
    }
}
