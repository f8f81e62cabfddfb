package dev.jnn.api.spi;

/** A setting that a provider does not accept: unknown, of the wrong type, missing, or impossible. */
public class InvalidSettingException extends IllegalArgumentException {
    private final String setting;

    public InvalidSettingException(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    public InvalidSettingException(String setting, String message, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The name of the setting at fault, so that a run file's reader can point at its key. */
    public String setting() {
        return setting;
    }
}
