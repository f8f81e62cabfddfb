package dev.jnn.api.spi;

import dev.jnn.api.data.DataSource;

/**
 * Makes a {@link DataSource} by name, such as {@code spirals} or {@code csv}, from the settings of a
 * run file's {@code data} section; register in {@code META-INF/services/dev.jnn.api.spi.DataSourceProvider}.
 */
public interface DataSourceProvider extends Provider<DataSource> {
}
