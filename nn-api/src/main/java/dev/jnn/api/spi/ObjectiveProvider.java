package dev.jnn.api.spi;

import dev.jnn.api.Objective;

/** Makes an {@link Objective} to minimize by name; register in {@code META-INF/services/dev.jnn.api.spi.ObjectiveProvider}. */
public interface ObjectiveProvider extends Provider<Objective> {
}
