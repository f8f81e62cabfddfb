/**
 * The interfaces of the framework, and nothing else: what a plugin author compiles against.
 *
 * <ul>
 *   <li>{@link dev.jnn.api.Tensor} and {@link dev.jnn.api.Parameter}: float32 data, row-major, batch first;</li>
 *   <li>{@link dev.jnn.api.Layer}, {@link dev.jnn.api.Loss}, {@link dev.jnn.api.Model}: the forward pass and the chain rule;</li>
 *   <li>{@link dev.jnn.api.Optimizer} and {@link dev.jnn.api.Initializer}: moving and filling weights.</li>
 * </ul>
 *
 * <p>The service-provider types that make each of these findable by name live in
 * {@link dev.jnn.api.spi}. This module has no runtime dependency at all.
 */
package dev.jnn.api;
