package dev.jnn.api.spi;

import dev.jnn.api.Initializer;

/** Makes an {@link Initializer} by name; register in {@code META-INF/services/dev.jnn.api.spi.InitializerProvider}. */
public interface InitializerProvider extends Provider<Initializer> {
}
