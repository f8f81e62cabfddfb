package dev.jnn.api.spi;

import dev.jnn.api.Optimizer;

/** Makes an {@link Optimizer} by name; register in {@code META-INF/services/dev.jnn.api.spi.OptimizerProvider}. */
public interface OptimizerProvider extends Provider<Optimizer> {
}
