package dev.jnn.api.spi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A provider's settings, checked against what it declares: every declared setting has a value of
 * its type (given, or the default), and nothing undeclared is present. They also carry the
 * {@link Providers} that resolved them, so that a provider can resolve the names in its own
 * settings (a dense layer's initializer) where it was itself found.
 */
public final class Settings {
    private final String owner;
    private final Map<String, Object> values;
    private final Providers providers;

    private Settings(String owner, Map<String, Object> values, Providers providers) {
        this.owner = owner;
        this.values = Collections.unmodifiableMap(values);
        this.providers = providers;
    }

    /**
     * Checks {@code raw} against {@code provider}'s declared settings and fills in defaults.
     *
     * @param kind      what the provider makes, for messages ("optimizer")
     * @param providers where the provider was found; null when it was found elsewhere
     * @throws InvalidSettingException for an unknown setting, a value of the wrong type, or a missing
     *                                 required one; the message names the setting and the provider
     */
    public static Settings resolve(Provider<?> provider, String kind, Map<String, ?> raw, Providers providers) {
        return check(kind + " '" + provider.name() + "'", provider.settings(), raw, providers);
    }

    /**
     * Checks {@code raw} against {@code declared}: how providers' settings are checked, and how any other
     * section of settings is (a run file's {@code train}), with the same conversions and messages.
     *
     * @param owner for messages, such as {@code "optimizer 'adam'"} or {@code "train"}
     */
    public static Settings check(String owner, List<Setting> declared, Map<String, ?> raw, Providers providers) {
        Map<String, Setting> byName = new LinkedHashMap<>();
        for (Setting s : declared) {
            byName.put(s.name(), s);
        }
        for (String key : raw.keySet()) {
            if (!byName.containsKey(key)) {
                throw new InvalidSettingException(owner, key, "is unknown; " + owner + " accepts: "
                        + (byName.isEmpty() ? "none" : String.join(", ", byName.keySet())));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Setting s : byName.values()) {
            Object given = raw.get(s.name());
            if (given == null) {
                if (s.required()) {
                    throw new InvalidSettingException(owner, s.name(), "is required (" + s.type().expected() + "): "
                            + s.description());
                }
                values.put(s.name(), s.defaultValue());
                continue;
            }
            try {
                values.put(s.name(), s.type().convert(given));
            } catch (IllegalArgumentException e) {
                throw new InvalidSettingException(owner, s.name(), e.getMessage(), e);
            }
        }
        return new Settings(owner, values, providers);
    }

    public double getDouble(String name) {
        return (Double) get(name);
    }

    public int getInt(String name) {
        return (Integer) get(name);
    }

    public long getLong(String name) {
        return (Long) get(name);
    }

    public boolean getBoolean(String name) {
        return (Boolean) get(name);
    }

    public String getString(String name) {
        return (String) get(name);
    }

    /** A {@link SettingType#MAP} setting: names to texts. */
    @SuppressWarnings("unchecked")
    public Map<String, String> getMap(String name) {
        return (Map<String, String>) get(name);
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
     * The providers that found the owner, for resolving names inside these settings.
     *
     * @throws IllegalStateException when the settings were checked outside any {@link Providers}
     */
    public Providers providers() {
        if (providers == null) {
            throw new IllegalStateException(owner + ": these settings were checked outside a Providers set, so names in"
                    + " them cannot be resolved; create it through Providers (an engine's providers())");
        }
        return providers;
    }

    /**
     * Fails unless {@code condition}, with a message naming the owner, the setting, its value and the
     * expectation. For a provider's {@code create}: {@code s.require(lr > 0, "lr", "greater than 0")}.
     */
    public void require(boolean condition, String name, String expected) {
        if (!condition) {
            throw new InvalidSettingException(owner, name, "must be " + expected + ", got " + SettingType.describe(values.get(name)));
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
