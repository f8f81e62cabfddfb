package dev.jnn.api.spi;

import java.util.List;

/**
 * Makes one kind of thing by name from settings: the common shape of every provider type.
 *
 * @param <T> what it creates: a Layer, Loss, Model, Optimizer or Initializer
 */
public interface Provider<T> {

    /** Stable, lower-case, unique among providers of the same type: {@code "adam"}, {@code "dense"}. */
    String name();

    /** One line for listings. */
    String description();

    /** Every setting it accepts, with type and default; anything else is rejected before {@link #create}. */
    List<Setting> settings();

    /**
     * A new instance from settings already checked against {@link #settings()}, defaults filled in.
     *
     * @throws IllegalArgumentException for impossible values (such as a negative learning rate),
     *                                  naming the setting, the value and what was expected
     */
    T create(Settings settings);
}
