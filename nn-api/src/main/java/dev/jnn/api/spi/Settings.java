package dev.jnn.api.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A provider's settings, checked against what it declares: every declared setting has a value of
 * its type (given, or the default), and nothing undeclared is present.
 */
public final class Settings {
    private final String owner;
    private final Map<String, Object> values;

    private Settings(String owner, Map<String, Object> values) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(values);
    }

    /**
     * Checks {@code raw} against {@code provider}'s declared settings and fills in defaults.
     *
     * @param kind what the provider makes, for messages ("optimizer")
     * @throws InvalidSettingException for an unknown setting, a value of the wrong type, or a missing
     *                                 required one; the message names the setting and the provider
     */
    public static Settings resolve(Provider<?> provider, String kind, Map<String, ?> raw) {
        String owner = kind + " '" + provider.name() + "'";
        Map<String, Setting> declared = new LinkedHashMap<>();
        for (Setting s : provider.settings()) {
            declared.put(s.name(), s);
        }
        for (String key : raw.keySet()) {
            if (!declared.containsKey(key)) {
                throw new InvalidSettingException(key, owner + " has no setting '" + key + "'; it accepts: "
                        + (declared.isEmpty() ? "none" : String.join(", ", declared.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : declared.values()) {
            Object given = raw.get(s.name());
            if (given == null) {
                if (s.required()) {
                    throw new InvalidSettingException(s.name(), owner + " needs setting '" + s.name() + "' (" + s.type().expected()
                            + "): " + s.description());
                }
                values.put(s.name(), s.defaultValue());
                continue;
            }
            try {
                values.put(s.name(), s.type().convert(given));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(s.name(), owner + ": setting '" + s.name() + "' " + e.getMessage(), e);
            }
        }
        return new Settings(owner, values);
    }

    public double getDouble(String name) {
        return (Double) get(name);
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    /** Every setting with its value, in declaration order. */
    public Map<String, Object> asMap() {
        return values;
    }

    /** Who these settings belong to, for messages: {@code optimizer 'adam'}. */
    public String owner() {
        return owner;
    }

    /**
     * Fails unless {@code condition}, with a message naming the owner, the setting, its value and the
     * expectation. For a provider's {@code create}: {@code s.require(lr > 0, "lr", "greater than 0")}.
     */
    public void require(boolean condition, String name, String expected) {
        if (!condition) {
            throw new InvalidSettingException(name, owner + ": setting '" + name + "' must be " + expected + ", got "
                    + values.get(name));
        }
    }

    private Object get(String name) {
        if (!values.containsKey(name)) {
            throw new IllegalArgumentException(owner + " declares no setting '" + name + "'");
        }
        return values.get(name);
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }
}
