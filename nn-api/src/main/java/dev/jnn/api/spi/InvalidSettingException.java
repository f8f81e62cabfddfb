package dev.jnn.api.spi;

/** A setting that a provider does not accept: unknown, of the wrong type, missing, or impossible. */
public class InvalidSettingException extends IllegalArgumentException {
    public InvalidSettingException(String message) {
        super(message);
    }

    public InvalidSettingException(String message, Throwable cause) {
        super(message, cause);
    }
}
