package dev.jnn.api.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value types a setting can have, and how raw values (from Java, YAML, JSON or a command-line
 * {@code --set key=value}, which arrives as a string) are converted to them.
 *
 * <p>This is the one conversion path of the framework: provider settings and every other run-file
 * value ({@code seed}, {@code train.epochs}, a data source's settings) go through {@link #convert},
 * so {@code 3}, {@code 3.0} and {@code "3"} are the same whole number everywhere, and
 * {@code 3.5} is refused everywhere, with the same message.
 */
public enum SettingType {
    DOUBLE("a number"),
    INT("a whole number"),
    LONG("a whole number"),
    BOOLEAN("true or false"),
    STRING("a string"),
    /** A mapping of names to texts, such as checksums by file name; read-only. */
    MAP("a mapping of names to values");

    private final String expected;

    SettingType(String expected) {
        this.expected = expected;
    }

    /** What a value must look like, for error messages: "a number". */
    public String expected() {
        return expected;
    }

    /**
     * The raw value as this type: a {@code Double}, {@code Integer}, {@code Long}, {@code Boolean} or
     * {@code String}.
     *
     * @throws IllegalArgumentException {@code "expected a whole number, got \"ten\""}; the caller
     *                                  names the setting
     */
    public Object convert(Object raw) {
        Object converted = switch (this) {
            case DOUBLE -> number(raw);
            case INT -> {
                Long whole = whole(raw);
                yield whole != null && whole == whole.intValue() ? (Object) whole.intValue() : null;
            }
            case LONG -> whole(raw);
            case BOOLEAN -> raw instanceof Boolean b ? b
                    : raw instanceof String s && (s.trim().equalsIgnoreCase("true") || s.trim().equalsIgnoreCase("false"))
                    ? Boolean.parseBoolean(s.trim()) : null;
            case STRING -> raw instanceof String || raw instanceof Number || raw instanceof Boolean ? raw.toString() : null;
            case MAP -> raw instanceof Map<?, ?> map ? texts(map) : null;
        };
        if (converted == null) {
            String range = (this == INT && whole(raw) != null) ? " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE : "";
            throw new IllegalArgumentException("expected " + expected + range + ", got " + describe(raw));
        }
        return converted;
    }

    /** A mapping's entries as texts, in order; null when a value is not a scalar. */
    private static Map<String, String> texts(Map<?, ?> map) {
        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                return null;
            }
            texts.put(String.valueOf(e.getKey()), v.toString());
        }
        return java.util.Collections.unmodifiableMap(texts);
    }

    /** A number, or a string that reads as one; null otherwise. */
    private static Double number(Object raw) {
        if (raw instanceof Number n) {
            return n.doubleValue();
        }
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** A whole number (3, 3.0, "3", "3.0"), exactly; null for anything else, 3.5 and 1e30 included. */
    private static Long whole(Object raw) {
        if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
            return ((Number) raw).longValue();
        }
        if (raw instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                // perhaps "3.0": read as a double below
            }
        }
        Double d = raw instanceof Boolean ? null : number(raw);
        if (d == null || d != Math.rint(d) || Math.abs(d) >= 0x1p63) {
            return null;
        }
        return d.longValue();
    }

    /** Lower-case name for listings: "double". */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A raw value as messages show it: {@code "ten"} quoted, {@code 3.5}, {@code a list}, {@code nothing}. */
    public static String describe(Object raw) {
        if (raw == null) {
            return "nothing";
        }
        if (raw instanceof String s) {
            return "\"" + s + "\"";
        }
        if (raw instanceof Map) {
            return "a mapping";
        }
        if (raw instanceof List) {
            return "a list";
        }
        return raw.toString();
    }
}
