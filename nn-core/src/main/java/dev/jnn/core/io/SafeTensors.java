package dev.jnn.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jnn.api.Tensor;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The safetensors layout, for float32 tensors: an 8-byte little-endian header length N, N bytes of
 * JSON ({@code {"name": {"dtype": "F32", "shape": [...], "data_offsets": [begin, end]}, ...,
 * "__metadata__": {"key": "text"}}}), then the tensors' bytes, little-endian, at their offsets from
 * the end of the header. Python's {@code safetensors.numpy.load_file} reads what this writes.
 *
 * <p>Reading checks everything against the file before it allocates: the header length against the
 * file's size (and a 100 MB cap), the JSON, each tensor's dtype, shape and offsets (inside the data,
 * of exactly the shape's size, not overlapping). A file that fails any check is refused with a
 * {@link ModelFileException} naming it and what is wrong.
 */
public final class SafeTensors {
    /** A header longer than this is refused: real headers are kilobytes. */
    static final long MAX_HEADER = 100L << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SafeTensors() {
    }

    /** A tensor's place in a file: its shape and where its bytes are. */
    record Entry(int[] shape, long begin, long end) {
        int size() {
            return (int) ((end - begin) / 4);
        }
    }

    /** A file's table of contents, read and checked; the tensors are read on request. */
    static final class Contents {
        final Path file;
        final Map<String, String> metadata;
        final Map<String, Entry> tensors;
        private final long dataStart;

        Contents(Path file, Map<String, String> metadata, Map<String, Entry> tensors, long dataStart) {
            this.file = file;
            this.metadata = metadata;
            this.tensors = tensors;
            this.dataStart = dataStart;
        }

        /** Reads tensor {@code name}'s values into {@code target}, whose size must match. */
        void read(FileChannel channel, String name, float[] target) throws IOException {
            Entry e = tensors.get(name);
            ByteBuffer bytes = ByteBuffer.allocate((int) (e.end - e.begin)).order(ByteOrder.LITTLE_ENDIAN);
            long position = dataStart + e.begin;
            while (bytes.hasRemaining()) {
                int n = channel.read(bytes, position + bytes.position());
                if (n < 0) {
                    throw new ModelFileException(file, "tensor '" + name + "' ends past the end of the file");
                }
            }
            bytes.flip();
            bytes.asFloatBuffer().get(target);
        }
    }

    /**
     * Writes {@code tensors} in order with {@code metadata}, atomically: to a temporary file in the same
     * folder, forced to the disk, then renamed over {@code file}. On failure nothing is left behind and
     * an existing {@code file} is untouched.
     */
    public static void write(Path file, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        ObjectNode header = JSON.createObjectNode();
        long offset = 0;
        for (Map.Entry<String, Tensor> t : tensors.entrySet()) {
            ObjectNode entry = header.putObject(t.getKey());
            entry.put("dtype", "F32");
            var shape = entry.putArray("shape");
            for (int d : t.getValue().shape()) {
                shape.add(d);
            }
            long size = 4L * t.getValue().size();
            entry.putArray("data_offsets").add(offset).add(offset + size);
            offset += size;
        }
        ObjectNode meta = header.putObject("__metadata__");
        metadata.forEach(meta::put);
        byte[] json = JSON.writeValueAsBytes(header);
        int padded = (json.length + 7) / 8 * 8;          // the data starts 8-byte aligned, as safetensors writes it
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A new name beside the target (so the rename stays on one file system), created with the
        // usual permissions; never the target itself, which keeps its old content until the rename.
        Path partial = dir.resolve("." + file.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".partial");
        try {
            try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE, StandardOpenOption.CREATE_NEW)) {
                ByteBuffer head = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
                head.putLong(padded).put(json);
                while (head.hasRemaining()) {
                    head.put((byte) ' ');
                }
                writeAll(out, head.flip());
                for (Tensor t : tensors.values()) {
                    ByteBuffer data = ByteBuffer.allocate(4 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
                    data.asFloatBuffer().put(t.data());
                    writeAll(out, data);
                }
                out.force(true);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private static void writeAll(FileChannel out, ByteBuffer bytes) throws IOException {
        while (bytes.hasRemaining()) {
            out.write(bytes);
        }
    }

    /**
     * Every tensor of a file, by name, in file order, checked as {@link SafeTensors} describes.
     *
     * @throws ModelFileException naming the file and what is wrong
     */
    public static Map<String, Tensor> load(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Contents contents = read(file, channel);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (Map.Entry<String, Entry> e : contents.tensors.entrySet()) {
                Tensor t = Tensor.zeros(e.getValue().shape());
                contents.read(channel, e.getKey(), t.data());
                tensors.put(e.getKey(), t);
            }
            return tensors;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads and checks a file's header. */
    static Contents read(Path file, FileChannel channel) throws IOException {
        long fileSize = channel.size();
        if (fileSize < 8) {
            throw new ModelFileException(file, "is " + fileSize + " bytes long, too short for the 8-byte header length of a safetensors file");
        }
        ByteBuffer lengthBytes = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);
        readFully(channel, lengthBytes, 0, file);
        long headerLength = lengthBytes.flip().getLong();
        if (headerLength < 2 || headerLength > fileSize - 8 || headerLength > MAX_HEADER) {
            throw new ModelFileException(file, "the header length is " + Long.toUnsignedString(headerLength) + " bytes, but the file has "
                    + (fileSize - 8) + " after the length" + (headerLength > MAX_HEADER ? " (and at most " + MAX_HEADER + " are accepted)" : "")
                    + "; it is not a safetensors file, or it is truncated");
        }
        ByteBuffer headerBytes = ByteBuffer.allocate((int) headerLength);
        readFully(channel, headerBytes, 8, file);
        JsonNode header;
        try {
            header = JSON.readTree(new String(headerBytes.array(), StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, "the header is not valid JSON: " + e.getOriginalMessage());
        }
        if (header == null || !header.isObject()) {
            throw new ModelFileException(file, "the header is not a JSON object of tensors");
        }
        long dataStart = 8 + headerLength;
        long dataSize = fileSize - dataStart;
        Map<String, String> metadata = new LinkedHashMap<>();
        Map<String, Entry> tensors = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = header.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("__metadata__")) {
                metadata(file, field.getValue(), metadata);
            } else {
                tensors.put(field.getKey(), entry(file, field.getKey(), field.getValue(), dataSize));
            }
        }
        checkNoOverlap(file, tensors);
        return new Contents(file, metadata, tensors, dataStart);
    }

    private static void metadata(Path file, JsonNode node, Map<String, String> into) {
        if (!node.isObject()) {
            throw new ModelFileException(file, "__metadata__ is not a JSON object of texts");
        }
        node.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new ModelFileException(file, "__metadata__." + e.getKey() + " is not a text (safetensors metadata values are strings)");
            }
            into.put(e.getKey(), e.getValue().asText());
        });
    }

    private static Entry entry(Path file, String name, JsonNode node, long dataSize) {
        String where = "tensor '" + name + "'";
        if (!node.isObject()) {
            throw new ModelFileException(file, where + " is not described by a JSON object");
        }
        JsonNode dtype = node.get("dtype");
        if (dtype == null || !dtype.asText().equals("F32")) {
            throw new ModelFileException(file, where + " has dtype " + (dtype == null ? "nothing" : dtype) + "; jnn reads F32 only");
        }
        JsonNode shapeNode = node.get("shape");
        if (shapeNode == null || !shapeNode.isArray() || shapeNode.isEmpty()) {
            throw new ModelFileException(file, where + " has no shape (a list of at least one dimension)");
        }
        int[] shape = new int[shapeNode.size()];
        long values = 1;
        for (int i = 0; i < shape.length; i++) {
            JsonNode d = shapeNode.get(i);
            if (!d.canConvertToInt() || !d.isIntegralNumber() || d.asInt() < 1) {
                throw new ModelFileException(file, where + " has dimension " + i + " = " + d + "; expected a whole number of at least 1");
            }
            shape[i] = d.asInt();
            values *= shape[i];
            if (values > Integer.MAX_VALUE) {
                throw new ModelFileException(file, where + " has shape " + shapeNode + ": more values than one array holds");
            }
        }
        JsonNode offsets = node.get("data_offsets");
        if (offsets == null || !offsets.isArray() || offsets.size() != 2 || !offsets.get(0).canConvertToLong()
                || !offsets.get(1).canConvertToLong()) {
            throw new ModelFileException(file, where + " has no data_offsets [begin, end]");
        }
        long begin = offsets.get(0).asLong();
        long end = offsets.get(1).asLong();
        if (begin < 0 || end < begin || end > dataSize) {
            throw new ModelFileException(file, where + " has data_offsets [" + begin + ", " + end + "], outside the "
                    + dataSize + " bytes of data the file holds; it is truncated or corrupted");
        }
        if (end - begin != 4 * values) {
            throw new ModelFileException(file, where + " has " + (end - begin) + " bytes for shape " + shapeNode
                    + ", which needs " + 4 * values);
        }
        return new Entry(shape, begin, end);
    }

    private static void checkNoOverlap(Path file, Map<String, Entry> tensors) {
        List<Map.Entry<String, Entry>> sorted = new ArrayList<>(tensors.entrySet());
        sorted.sort((a, b) -> Long.compare(a.getValue().begin, b.getValue().begin));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).getValue().begin < sorted.get(i - 1).getValue().end) {
                throw new ModelFileException(file, "tensors '" + sorted.get(i - 1).getKey() + "' and '" + sorted.get(i).getKey()
                        + "' overlap");
            }
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer into, long position, Path file) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, position + into.position()) < 0) {
                throw new ModelFileException(file, "ends at byte " + (position + into.position()) + ", inside its header");
            }
        }
    }
}
