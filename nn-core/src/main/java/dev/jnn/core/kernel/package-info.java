/**
 * The implementations of {@link dev.jnn.api.Kernels}, the arithmetic of every layer, so that speed
 * work happens in one place: matrix products (plain and with either operand transposed, without
 * materializing the transpose), bias and reduction passes, and element-wise activations with their
 * derivatives.
 *
 * <p>{@link dev.jnn.core.kernel.KernelChoice} picks the implementation for an engine from the
 * hardware, in the manner of Lucene's vectorization provider: the Vector API kernels when the
 * incubator module is readable, the JVM's preferred vector is at least 128 bits and fused
 * multiply-add is fast; the plain-Java kernels otherwise. Each engine has its own kernels and
 * helper threads; none of them is JVM-wide.
 */
package dev.jnn.core.kernel;
