/**
 * The interfaces of the framework, and nothing else: what a plugin author compiles against.
 *
 * <ul>
 *   <li>{@link dev.jnn.api.Tensor} and {@link dev.jnn.api.Parameter}: float32 data, row-major, batch first;</li>
 *   <li>{@link dev.jnn.api.Layer}, {@link dev.jnn.api.Loss}, {@link dev.jnn.api.Model}: the forward pass and the chain rule;</li>
 *   <li>{@link dev.jnn.api.Optimizer} and {@link dev.jnn.api.Initializer}: moving and filling weights;</li>
 *   <li>{@link dev.jnn.api.Kernels}: the arithmetic a layer calls, which the engine building it provides;</li>
 *   <li>{@link dev.jnn.api.data}: datasets and the data sources that load them.</li>
 * </ul>
 *
 * <p>Thread safety: training (forward, backward, an optimizer's step) belongs to one thread per model;
 * {@link dev.jnn.api.Model#predict} may be called by any number of threads at once on a trained model;
 * {@link dev.jnn.api.spi.Providers} and registries are thread-safe.
 *
 * <p>The service-provider types that make each of these findable by name live in
 * {@link dev.jnn.api.spi}. This module has no runtime dependency at all.
 */
package dev.jnn.api;
