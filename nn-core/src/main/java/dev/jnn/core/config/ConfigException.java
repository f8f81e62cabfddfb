package dev.jnn.core.config;

/**
 * A run file, or an override of it, that cannot be used: the message names the file, the key path
 * (such as {@code model.layers[2].units}), the value and what was expected.
 */
public class ConfigException extends IllegalArgumentException {
    public ConfigException(String source, String path, String problem) {
        super(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem);
    }

    public ConfigException(String source, String path, String problem, Throwable cause) {
        super(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem, cause);
    }
}
