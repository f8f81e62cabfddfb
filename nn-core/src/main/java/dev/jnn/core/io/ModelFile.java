package dev.jnn.core.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jnn.api.Layer;
import dev.jnn.api.Model;
import dev.jnn.api.Parameter;
import dev.jnn.api.Tensor;
import dev.jnn.api.spi.Provider;
import dev.jnn.api.spi.Providers;
import dev.jnn.api.spi.UnknownProviderException;
import dev.jnn.core.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trained model in one safetensors file: every parameter by name ({@code 0.dense.weight},
 * {@code [in, out]}, float32), and in the header's {@code __metadata__} the architecture as provider
 * names and settings (so a plugin layer is named like a built-in one), the format version and the jnn
 * version. Python opens the weights unchanged ({@code safetensors.numpy.load_file}); the format is
 * described byte by byte in {@code docs/model-format.md}.
 *
 * <p>Loading checks the whole file before it builds anything: the header (see {@link SafeTensors}),
 * the format version, that every layer's provider is on the class path (naming the class and jar that
 * provided it when the file was written), and that the tensors are exactly the model's parameters
 * with their shapes.
 */
public final class ModelFile {
    /** The version of what the metadata holds; a reader refuses a newer one. */
    public static final int FORMAT_VERSION = 1;
    /** The jnn version written into files. */
    public static final String JNN_VERSION = "0.1.0";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModelFile() {
    }

    /**
     * Writes {@code model} (built) to {@code file}, atomically: a failure leaves any earlier file as it was.
     *
     * @param engine the engine whose providers made the layers, to record which class and jar provide each
     */
    public static void save(Model model, Path file, Engine engine) {
        save(model, file, engine, Map.of());
    }

    /**
     * As {@link #save(Model, Path, Engine)}, with more metadata entries, such as the run's {@code loss}
     * (which {@code jnn predict} uses to turn outputs into probabilities and to score them).
     */
    public static void save(Model model, Path file, Engine engine, Map<String, String> extra) {
        Map<String, Tensor> tensors = tensors(model);
        Map<String, String> metadata = metadata(model, engine);
        metadata.putAll(extra);
        try {
            SafeTensors.write(file, tensors, metadata);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@link #save(Model, Path, Engine)} with the shared engine's providers. */
    public static void save(Model model, Path file) {
        save(model, file, Engine.shared());
    }

    /**
     * Reads a model file and builds the model it describes on {@code engine}, with its saved weights.
     *
     * @throws ModelFileException    naming the file and what is wrong: not safetensors, truncated,
     *                               corrupted, a newer format, a layer no provider makes, tensors that
     *                               do not fit the architecture
     * @throws UncheckedIOException  when the file cannot be read
     */
    public static Model load(Path file, Engine engine) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return load(file, SafeTensors.read(file, channel), channel, engine, "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The model of an opened file; tensors named {@code otherPrefix...} (a checkpoint's optimizer state) are not the model's. */
    static Model load(Path file, SafeTensors.Contents contents, FileChannel channel, Engine engine, String otherPrefix) throws IOException {
        Map<String, Object> architecture = checkedArchitecture(file, contents.metadata);
        Model model = build(file, architecture, contents.metadata, engine);
        fill(file, model, contents, channel, otherPrefix);
        return model;
    }

    /** A model's parameters and buffers by name: what its file holds. */
    static Map<String, Tensor> tensors(Model model) {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (Parameter p : model.parameters()) {
            tensors.put(p.name(), p.value());
        }
        for (Parameter b : model.buffers()) {
            tensors.put(b.name(), b.value());
        }
        return tensors;
    }

    /** The metadata a model file holds for {@code model}: format, versions, architecture, providers. */
    static Map<String, String> metadata(Model model, Engine engine) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "jnn-model");
        metadata.put("format_version", Integer.toString(FORMAT_VERSION));
        metadata.put("jnn_version", JNN_VERSION);
        metadata.put("architecture", json(architecture(model)));
        metadata.put("providers", json(providers(model, engine.providers())));
        return metadata;
    }

    /** {@link #load(Path, Engine)} on the shared engine. */
    public static Model load(Path file) {
        return load(file, Engine.shared());
    }

    /** The {@code __metadata__} a model file holds (architecture JSON, versions, loss), checked to be jnn's. */
    public static Map<String, String> metadata(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Map<String, String> metadata = SafeTensors.read(file, channel).metadata;
            checkedArchitecture(file, metadata);
            return metadata;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The architecture of a built model as the resolved {@code model:} section of a run file, plus its input shape. */
    static Map<String, Object> architecture(Model model) {
        List<Map<String, Object>> layers = new ArrayList<>();
        for (Layer layer : model.layers()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("type", layer.type());
            entry.putAll(layer.settings());
            layers.add(entry);
        }
        Map<String, Object> architecture = new LinkedHashMap<>();
        architecture.put("type", model.type());
        architecture.put("input_shape", Arrays.stream(model.inputShape()).boxed().toList());
        architecture.put("layers", layers);
        return architecture;
    }

    /** For each layer type, the provider class and the jar or folder it came from: what to put back on the class path. */
    private static Map<String, String> providers(Model model, Providers providers) {
        Map<String, String> found = new LinkedHashMap<>();
        for (Layer layer : model.layers()) {
            if (providers.layers().contains(layer.type())) {
                Provider<?> p = providers.layers().find(layer.type());
                CodeSource source = p.getClass().getProtectionDomain().getCodeSource();
                String from = source == null || source.getLocation() == null ? "the JDK"
                        : Path.of(source.getLocation().getPath()).getFileName().toString();
                found.put(layer.type(), p.getClass().getName() + " (" + from + ")");
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> checkedArchitecture(Path file, Map<String, String> metadata) {
        if (!"jnn-model".equals(metadata.get("format"))) {
            throw new ModelFileException(file, "is a safetensors file without a jnn architecture (__metadata__.format is "
                    + (metadata.get("format") == null ? "missing" : "'" + metadata.get("format") + "'")
                    + "); load its weights into a model you build, such as with PyTorchWeights");
        }
        String version = metadata.get("format_version");
        int v;
        try {
            v = Integer.parseInt(String.valueOf(version));
        } catch (NumberFormatException e) {
            throw new ModelFileException(file, "__metadata__.format_version is '" + version + "', not a whole number");
        }
        if (v < 1 || v > FORMAT_VERSION) {
            throw new ModelFileException(file, "is format version " + v + ", written by jnn " + metadata.get("jnn_version")
                    + "; this jnn " + JNN_VERSION + " reads versions 1 to " + FORMAT_VERSION);
        }
        Object parsed;
        try {
            parsed = JSON.readValue(String.valueOf(metadata.get("architecture")), Object.class);
        } catch (JsonProcessingException e) {
            throw new ModelFileException(file, "__metadata__.architecture is not valid JSON: " + e.getOriginalMessage());
        }
        if (!(parsed instanceof Map<?, ?> map) || !(map.get("layers") instanceof List) || !(map.get("input_shape") instanceof List)
                || !(map.get("type") instanceof String)) {
            throw new ModelFileException(file, "__metadata__.architecture lacks type, input_shape or layers");
        }
        return (Map<String, Object>) parsed;
    }

    @SuppressWarnings("unchecked")
    private static Model build(Path file, Map<String, Object> architecture, Map<String, String> metadata, Engine engine) {
        Providers providers = engine.providers();
        Model model;
        try {
            model = providers.model((String) architecture.get("type"));
        } catch (UnknownProviderException e) {
            throw new ModelFileException(file, "its model type is unknown here: " + e.getMessage(), e);
        }
        List<Object> layers = (List<Object>) architecture.get("layers");
        for (int i = 0; i < layers.size(); i++) {
            if (!(layers.get(i) instanceof Map<?, ?> entry) || !(entry.get("type") instanceof String type)) {
                throw new ModelFileException(file, "architecture layer " + i + " has no type");
            }
            Map<String, Object> settings = new LinkedHashMap<>((Map<String, Object>) entry);
            settings.remove("type");
            try {
                model.add(providers.layer(type, settings));
            } catch (UnknownProviderException e) {
                String provider = providersOf(metadata).get(type);
                throw new ModelFileException(file, "layer " + i + " is '" + type + "', which no provider on the class path makes"
                        + (provider == null ? "" : "; it was made by " + provider + ": put that jar on the class path (jnn --plugins JAR)"), e);
            } catch (IllegalArgumentException e) {
                throw new ModelFileException(file, "layer " + i + " (" + type + ") cannot be made from its saved settings: " + e.getMessage(), e);
            }
        }
        List<Object> shape = (List<Object>) architecture.get("input_shape");
        if (shape.isEmpty() || !shape.stream().allMatch(d -> d instanceof Integer i && i >= 1)) {
            throw new ModelFileException(file, "architecture input_shape " + shape + " is not a list of whole numbers of at least 1");
        }
        int[] inputShape = shape.stream().mapToInt(d -> (Integer) d).toArray();
        try {
            model.build(inputShape, engine.context(0));
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new ModelFileException(file, "its architecture does not build: " + e.getMessage(), e);
        }
        return model;
    }

    private static Map<String, String> providersOf(Map<String, String> metadata) {
        try {
            Map<String, String> map = new LinkedHashMap<>();
            JSON.readTree(String.valueOf(metadata.get("providers"))).fields()
                    .forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return map;
        } catch (JsonProcessingException | RuntimeException e) {
            return Map.of();
        }
    }

    private static void fill(Path file, Model model, SafeTensors.Contents contents, FileChannel channel, String otherPrefix)
            throws IOException {
        List<Parameter> all = new ArrayList<>(model.parameters());
        all.addAll(model.buffers());
        for (Parameter p : all) {
            SafeTensors.Entry entry = contents.tensors.get(p.name());
            if (entry == null) {
                throw new ModelFileException(file, "has no tensor '" + p.name() + "', which the architecture's model needs; it has "
                        + contents.tensors.keySet());
            }
            if (!p.value().hasShape(entry.shape())) {
                throw new ModelFileException(file, "tensor '" + p.name() + "' has shape " + Arrays.toString(entry.shape())
                        + ", but the architecture's model needs " + p.value().shapeString());
            }
            contents.read(channel, p.name(), p.value().data());
        }
        List<String> extra = new ArrayList<>(contents.tensors.keySet());
        all.forEach(p -> extra.remove(p.name()));
        extra.removeIf(name -> !otherPrefix.isEmpty() && name.contains(otherPrefix));
        if (!extra.isEmpty()) {
            throw new ModelFileException(file, "has tensors the architecture does not have: " + extra);
        }
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }
}
