/**
 * The framework's engine: {@link dev.jnn.core.kernel kernels} for the arithmetic,
 * {@link dev.jnn.core.layer layers} and {@link dev.jnn.core.loss losses} with their backward rules,
 * the {@link dev.jnn.core.model.Sequential sequential model}, the {@link dev.jnn.core.train training loop},
 * and {@link dev.jnn.core.check.GradientCheck}.
 *
 * <p>Optimizers and initializers are found by name through {@link dev.jnn.api.spi.Providers}; this
 * module never imports nn-optim.
 */
package dev.jnn.core;
