package dev.jnn.api.spi;

/** Two providers on the classpath claim one name; the message names both classes. */
public class DuplicateProviderException extends IllegalStateException {
    public DuplicateProviderException(String message) {
        super(message);
    }
}
