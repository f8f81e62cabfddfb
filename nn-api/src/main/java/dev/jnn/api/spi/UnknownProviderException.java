package dev.jnn.api.spi;

import java.util.List;

/** No provider has the name asked for; the message lists the known names and suggests the closest. */
public class UnknownProviderException extends IllegalArgumentException {
    private final List<String> known;

    public UnknownProviderException(String message, List<String> known) {
        super(message);
        this.known = List.copyOf(known);
    }

    /** The names that would have been accepted. */
    public List<String> known() {
        return known;
    }
}
