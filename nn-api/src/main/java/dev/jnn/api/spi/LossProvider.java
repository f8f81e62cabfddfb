package dev.jnn.api.spi;

import dev.jnn.api.Loss;

/** Makes a {@link Loss} by name; register in {@code META-INF/services/dev.jnn.api.spi.LossProvider}. */
public interface LossProvider extends Provider<Loss> {
}
