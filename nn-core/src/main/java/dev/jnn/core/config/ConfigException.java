package dev.jnn.core.config;

/**
 * A run file, or an override of it, that cannot be used: the message names the file, the key path
 * (such as {@code model.layers[2].units}), the value and what was expected.
 */
public class ConfigException extends IllegalArgumentException {
    private final String path;
    private final String problem;

    public ConfigException(String source, String path, String problem) {
        this(source, path, problem, null);
    }

    public ConfigException(String source, String path, String problem, Throwable cause) {
        super(source + ": " + (path.isEmpty() ? "" : path + ": ") + problem, cause);
        this.path = path;
        this.problem = problem;
    }

    /** The key path at fault, such as {@code optimizer.lr}; empty for the file as a whole. */
    public String path() {
        return path;
    }

    /** What is wrong, without the source and path. */
    public String problem() {
        return problem;
    }

    /** The same fault blamed on another source, such as the command-line option that set the key. */
    public ConfigException blaming(String source) {
        return new ConfigException(source, path, problem, this);
    }
}
