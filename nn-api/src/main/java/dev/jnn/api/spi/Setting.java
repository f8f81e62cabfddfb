package dev.jnn.api.spi;

import java.util.Map;

/**
 * One setting a provider accepts: its name, type, default and meaning.
 *
 * @param defaultValue the value used when the setting is absent, already of {@code type};
 *                     {@code null} makes the setting required
 */
public record Setting(String name, SettingType type, Object defaultValue, String description) {

    public Setting {
        if (defaultValue != null) {
            defaultValue = type.convert(defaultValue);
        }
    }

    public static Setting number(String name, double defaultValue, String description) {
        return new Setting(name, SettingType.DOUBLE, defaultValue, description);
    }

    public static Setting integer(String name, Integer defaultValue, String description) {
        return new Setting(name, SettingType.INT, defaultValue, description);
    }

    public static Setting whole(String name, Long defaultValue, String description) {
        return new Setting(name, SettingType.LONG, defaultValue, description);
    }

    /** A number with no default: required. */
    public static Setting requiredNumber(String name, String description) {
        return new Setting(name, SettingType.DOUBLE, null, description);
    }

    public static Setting map(String name, Map<String, String> defaultValue, String description) {
        return new Setting(name, SettingType.MAP, defaultValue, description);
    }

    public static Setting flag(String name, boolean defaultValue, String description) {
        return new Setting(name, SettingType.BOOLEAN, defaultValue, description);
    }

    public static Setting text(String name, String defaultValue, String description) {
        return new Setting(name, SettingType.STRING, defaultValue, description);
    }

    public boolean required() {
        return defaultValue == null;
    }

    /** As listed: {@code lr (double, default 0.001): learning rate}. */
    @Override
    public String toString() {
        return name + " (" + type + ", " + (required() ? "required" : "default " + defaultValue) + "): " + description;
    }
}
