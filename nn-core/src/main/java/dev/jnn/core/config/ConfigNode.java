package dev.jnn.core.config;

import dev.jnn.api.spi.SettingType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A value in a parsed run file together with where it is (the file and the key path), so that every
 * check can say exactly what is wrong and where. Maps keep their keys' order.
 */
public final class ConfigNode {
    private final Object value;
    private final String source;
    private final String path;

    ConfigNode(Object value, String source, String path) {
        this.value = value;
        this.source = source;
        this.path = path;
    }

    /** The root of a parsed tree. */
    public static ConfigNode root(Map<String, Object> tree, String source) {
        return new ConfigNode(tree, source, "");
    }

    public String path() {
        return path;
    }

    public String source() {
        return source;
    }

    /** The raw value: a Map, a List, a String, a Number, a Boolean, or null when absent. */
    public Object value() {
        return value;
    }

    public boolean isPresent() {
        return value != null;
    }

    public boolean isMap() {
        return value instanceof Map;
    }

    /**
     * The child at {@code key}: absent (not an error) when the key or this node is missing, so that
     * optional sections read as their defaults. Fails when this node is present but not a map.
     */
    public ConfigNode get(String key) {
        Object child = value == null ? null : map().get(key);
        return new ConfigNode(child, source, path.isEmpty() ? key : path + "." + key);
    }

    /** The elements, each with its {@code [i]} path; fails unless this is a list. */
    public List<ConfigNode> list() {
        if (!(value instanceof List<?> items)) {
            throw fail("expected a list, got " + describe(value));
        }
        List<ConfigNode> nodes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            nodes.add(new ConfigNode(items.get(i), source, path + "[" + i + "]"));
        }
        return nodes;
    }

    /** The entries as a map; fails unless this is one. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map() {
        if (!(value instanceof Map)) {
            throw fail("expected a mapping of keys to values, got " + describe(value));
        }
        return (Map<String, Object>) value;
    }

    /** Fails naming the first key that is not one of {@code allowed}; an absent node passes. */
    public ConfigNode onlyKeys(Collection<String> allowed) {
        if (value == null) {
            return this;
        }
        for (String key : map().keySet()) {
            if (!allowed.contains(key)) {
                throw new ConfigException(source, path.isEmpty() ? key : path + "." + key,
                        "unknown key; expected one of: " + String.join(", ", allowed));
            }
        }
        return this;
    }

    public String asString() {
        return (String) convert(SettingType.STRING);
    }

    public String asString(String fallback) {
        return isPresent() ? asString() : fallback;
    }

    public int asInt(int fallback) {
        return isPresent() ? (Integer) convert(SettingType.INT) : fallback;
    }

    /** A whole number of at least {@code min}. */
    public int asInt(int fallback, int min) {
        int v = asInt(fallback);
        if (v < min) {
            throw fail("expected a whole number of at least " + min + ", got " + v);
        }
        return v;
    }

    public long asLong(long fallback) {
        return isPresent() ? (Long) convert(SettingType.LONG) : fallback;
    }

    public double asDouble(double fallback) {
        return isPresent() ? (Double) convert(SettingType.DOUBLE) : fallback;
    }

    public boolean asBoolean(boolean fallback) {
        return isPresent() ? (Boolean) convert(SettingType.BOOLEAN) : fallback;
    }

    /** The value as {@code type}, by the one conversion of every setting ({@link SettingType#convert}). */
    private Object convert(SettingType type) {
        try {
            return type.convert(value);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
    }

    /** A required value: fails naming the key when it is absent. */
    public ConfigNode required(String what) {
        if (!isPresent()) {
            throw fail("missing; expected " + what);
        }
        return this;
    }

    /** An error at this node. */
    public ConfigException fail(String problem) {
        return new ConfigException(source, path, problem);
    }

    /** The value's entries other than {@code except}, for passing on as provider settings; none when absent. */
    public Map<String, Object> settingsExcept(Set<String> except) {
        Map<String, Object> settings = new LinkedHashMap<>(value == null ? Map.of() : map());
        settings.keySet().removeAll(except);
        return settings;
    }

    static String describe(Object value) {
        return SettingType.describe(value);
    }
}
