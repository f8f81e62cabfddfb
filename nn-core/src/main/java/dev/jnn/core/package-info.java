/**
 * The engine models are built with ({@link dev.jnn.core.Engine}): kernels, threads and providers,
 * owned by an object rather than by the JVM, so that models with different needs live side by side
 * and closing an engine stops its threads. The subpackages hold what the engine builds and runs:
 * kernels, layers, losses, models, training, data sources and run files.
 */
package dev.jnn.core;
