/**
 * The service-provider types: how a layer, loss, model, optimizer or initializer becomes findable by name.
 *
 * <p>A provider has a stable lower-case {@link dev.jnn.api.spi.Provider#name() name}, describes its
 * {@link dev.jnn.api.spi.Setting settings} (name, type, default) and creates the thing from validated
 * {@link dev.jnn.api.spi.Settings}. Providers are listed in {@code META-INF/services/<provider type>}
 * and found with {@link java.util.ServiceLoader} by a {@link dev.jnn.api.spi.Registry}; the built-in ones
 * are registered exactly like a user's plugin. {@link dev.jnn.api.spi.Providers} has the registries of
 * the classpath.
 */
package dev.jnn.api.spi;
