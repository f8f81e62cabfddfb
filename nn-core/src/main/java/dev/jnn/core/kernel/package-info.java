/**
 * The arithmetic of every layer, in one small interface so that speed work happens in one place:
 * matrix products (plain and with either operand transposed, without materializing the transpose),
 * bias and reduction passes, and element-wise activations with their derivatives.
 *
 * <p>{@link dev.jnn.core.kernel.Kernels#get()} picks the implementation once per JVM, in the manner of
 * Lucene's vectorization provider. Custom layers may call it too.
 */
package dev.jnn.core.kernel;
