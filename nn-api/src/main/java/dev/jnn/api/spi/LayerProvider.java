package dev.jnn.api.spi;

import dev.jnn.api.Layer;

/** Makes a {@link Layer} by name; register implementations in {@code META-INF/services/dev.jnn.api.spi.LayerProvider}. */
public interface LayerProvider extends Provider<Layer> {
}
