package dev.jnn.api.spi;

/**
 * The value types a setting can have, and how raw values (from Java, YAML, JSON or a command-line
 * {@code --set key=value}, which arrives as a string) are converted to them.
 */
public enum SettingType {
    DOUBLE("a number"),
    INT("a whole number"),
    BOOLEAN("true or false"),
    STRING("a string");

    private final String expected;

    SettingType(String expected) {
        this.expected = expected;
    }

    /** What a value must look like, for error messages: "a number". */
    public String expected() {
        return expected;
    }

    /**
     * The raw value as this type: a {@code Double}, {@code Integer}, {@code Boolean} or {@code String}.
     *
     * @throws IllegalArgumentException if it is not one (the caller names the setting)
     */
    public Object convert(Object raw) {
        switch (this) {
            case DOUBLE:
                if (raw instanceof Number n) {
                    return n.doubleValue();
                }
                if (raw instanceof String s) {
                    try {
                        return Double.parseDouble(s.trim());
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
                break;
            case INT:
                if (raw instanceof Integer || raw instanceof Long || raw instanceof Short || raw instanceof Byte) {
                    long v = ((Number) raw).longValue();
                    if (v == (int) v) {
                        return (int) v;
                    }
                    break;
                }
                if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
                        && Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
                    return (int) n.doubleValue();
                }
                if (raw instanceof String s) {
                    try {
                        return Integer.parseInt(s.trim());
                    } catch (NumberFormatException e) {
                        break;
                    }
                }
                break;
            case BOOLEAN:
                if (raw instanceof Boolean b) {
                    return b;
                }
                if (raw instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) {
                    return Boolean.parseBoolean(s);
                }
                break;
            case STRING:
                if (raw instanceof String || raw instanceof Number || raw instanceof Boolean) {
                    return raw.toString();
                }
                break;
        }
        throw new IllegalArgumentException("expected " + expected + ", got " + describe(raw));
    }

    /** Lower-case name for listings: "double". */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static String describe(Object raw) {
        if (raw instanceof String s) {
            return "\"" + s + "\"";
        }
        return raw == null ? "nothing" : raw + " (" + raw.getClass().getSimpleName() + ")";
    }
}
