package dev.jnn.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads run files into trees of maps, lists and scalars, applies {@code key.path=value} overrides to
 * them, and writes them back. YAML ({@code .yaml}, {@code .yml}) or JSON ({@code .json}), by extension.
 */
public final class RunFiles {
    // Duplicate keys are errors: silently taking the last of two `lr:` lines hides a mistake.
    private static final ObjectMapper YAML = new YAMLMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper JSON = new ObjectMapper().enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    /** Run files are a page of text; a larger file is not one (and a huge one-line YAML file parses in quadratic time). */
    static final long MAX_SIZE = 1 << 20;
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private RunFiles() {
    }

    /**
     * Parses a run file.
     *
     * @throws ConfigException naming the file, and the line and column where the syntax broke
     */
    public static Map<String, Object> read(Path file) {
        ObjectMapper mapper = mapperFor(file);
        String text;
        try {
            long size = Files.size(file);
            if (size > MAX_SIZE) {
                throw new ConfigException(file.toString(), "", "is " + size + " bytes; a run file is at most " + MAX_SIZE
                        + " bytes (is it a data file? name data files in the data section)");
            }
            text = Files.readString(file);
        } catch (IOException e) {
            throw new ConfigException(file.toString(), "", "cannot read: " + e.getMessage(), e);
        }
        return parse(text, mapper, file.toString());
    }

    /** Parses run-file text in YAML (a superset of JSON), for tests and embedded configs. */
    public static Map<String, Object> parseYaml(String text, String source) {
        return parse(text, YAML, source);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String text, ObjectMapper mapper, String source) {
        Object tree;
        try {
            tree = mapper.readValue(text, Object.class);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
            throw new ConfigException(source, "", where + "not valid " + (mapper == JSON ? "JSON" : "YAML") + ": "
                    + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof Map)) {
            throw new ConfigException(source, "", "expected a mapping of keys (seed, data, model, ...) at the top, got "
                    + ConfigNode.describe(tree));
        }
        return (Map<String, Object>) tree;
    }

    /** Writes a tree as YAML or JSON, by the file's extension, replacing the file only when complete. */
    public static void write(Map<String, Object> tree, Path file) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        mapperFor(file).writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), tree);
        Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** The tree as YAML text. */
    public static String toYaml(Map<String, Object> tree) {
        try {
            return YAML.writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A deep copy of a tree (maps and lists copied; scalars are immutable). */
    @SuppressWarnings("unchecked")
    public static <T> T copy(T tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return (T) copy;
        }
        if (tree instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return tree;
    }

    /**
     * Applies {@code path=value}, such as {@code optimizer.lr=0.01} or {@code model.layers[1].units=32}:
     * the value is read as a YAML scalar (a number, true/false, or text), maps on the way are created
     * when missing, and list indices must exist.
     *
     * @throws ConfigException naming the override when it is not {@code path=value} or the path does not fit the tree
     */
    @SuppressWarnings("unchecked")
    public static void override(Map<String, Object> tree, String assignment, String source) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new ConfigException(source, "", "override '" + assignment + "' is not key.path=value");
        }
        String path = assignment.substring(0, eq).trim();
        Object value = scalar(assignment.substring(eq + 1).trim(), source);
        String[] segments = path.split("\\.");
        Object node = tree;
        String walked = "";
        for (int s = 0; s < segments.length; s++) {
            Matcher m = SEGMENT.matcher(segments[s]);
            if (!m.matches()) {
                throw new ConfigException(source, path, "override path segment '" + segments[s]
                        + "' is not a key or key[index]");
            }
            boolean last = s == segments.length - 1;
            List<Integer> indices = new ArrayList<>();
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                indices.add(Integer.parseInt(index.group(1)));
            }
            String key = m.group(1);
            walked = walked.isEmpty() ? key : walked + "." + key;
            if (!(node instanceof Map)) {
                throw new ConfigException(source, walked, "cannot set a key inside " + ConfigNode.describe(node));
            }
            Map<String, Object> map = (Map<String, Object>) node;
            if (indices.isEmpty()) {
                if (last) {
                    map.put(key, value);
                    return;
                }
                node = map.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
                continue;
            }
            Object current = map.get(key);
            for (int i = 0; i < indices.size(); i++) {
                int at = indices.get(i);
                if (!(current instanceof List<?> list) || at >= list.size()) {
                    throw new ConfigException(source, walked + "[" + at + "]", "no such list element to override"
                            + (current instanceof List<?> l ? " (the list has " + l.size() + ")" : ""));
                }
                walked = walked + "[" + at + "]";
                if (last && i == indices.size() - 1) {
                    ((List<Object>) list).set(at, value);
                    return;
                }
                current = list.get(at);
            }
            node = current;
        }
    }

    private static Object scalar(String text, String source) {
        try {
            Object v = YAML.readValue(text.isEmpty() ? "''" : text, Object.class);
            return v instanceof Map || v instanceof List ? text : v;
        } catch (JsonProcessingException e) {
            return text;
        }
    }

    private static ObjectMapper mapperFor(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return YAML;
        }
        if (name.endsWith(".json")) {
            return JSON;
        }
        throw new ConfigException(file.toString(), "", "unknown run file type; expected a .yaml, .yml or .json file");
    }

}
