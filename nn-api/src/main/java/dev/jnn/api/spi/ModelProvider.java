package dev.jnn.api.spi;

import dev.jnn.api.Model;

/** Makes an empty {@link Model} by name, to which layers are then added; register in {@code META-INF/services/dev.jnn.api.spi.ModelProvider}. */
public interface ModelProvider extends Provider<Model> {
}
