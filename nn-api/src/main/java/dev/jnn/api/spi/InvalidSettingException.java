package dev.jnn.api.spi;

/**
 * A setting that a provider does not accept: unknown, of the wrong type, missing, or impossible.
 *
 * <p>The message reads {@code optimizer 'momentum': setting 'lr' must be greater than 0, got -1.0}:
 * the owner (the provider by the name the user wrote, or the class that checked it), the setting,
 * and the problem. A registry re-owns the exceptions its providers throw with {@link #ownedBy}, so
 * that the message names the provider the user asked for, not the class that implements it.
 */
public class InvalidSettingException extends IllegalArgumentException {
    private final String owner;
    private final String setting;
    private final String problem;

    /**
     * @param owner   who rejects it, such as {@code "sgd"} or {@code "optimizer 'momentum'"}
     * @param setting the setting's name
     * @param problem what is wrong, such as {@code "must be greater than 0, got -1.0"}
     */
    public InvalidSettingException(String owner, String setting, String problem) {
        this(owner, setting, problem, null);
    }

    public InvalidSettingException(String owner, String setting, String problem, Throwable cause) {
        this(owner + ": setting '" + setting + "' " + problem, owner, setting, problem, cause);
    }

    private InvalidSettingException(String message, String owner, String setting, String problem, Throwable cause) {
        super(message, cause);
        this.owner = owner;
        this.setting = setting;
        this.problem = problem;
    }

    /**
     * A setting that names another provider (a dense layer's {@code init}) which refused it: the
     * message is {@code cause}'s own (it names that provider), the setting is the one that named it.
     */
    public static InvalidSettingException naming(String owner, String setting, IllegalArgumentException cause) {
        return new InvalidSettingException(cause.getMessage(), owner, setting, cause.getMessage(), cause);
    }

    /** The name of the setting at fault, so that a run file's reader can point at its key; null if none. */
    public String setting() {
        return setting;
    }

    /** Who rejected it. */
    public String owner() {
        return owner;
    }

    /** The problem without owner and setting: {@code "must be greater than 0, got -1.0"}. */
    public String problem() {
        return problem;
    }

    /** The same problem, reported as {@code newOwner}'s. */
    public InvalidSettingException ownedBy(String newOwner) {
        if (newOwner.equals(owner) || getMessage().equals(problem)) {       // the same owner, or a named provider's own message
            return this;
        }
        return new InvalidSettingException(newOwner, setting, problem, this);
    }
}
