/**
 * The optimizers, following PyTorch's {@code torch.optim} update rules and defaults exactly (but for
 * SGD's learning rate, see {@link dev.jnn.optim.Sgd}), so that a run can be checked against PyTorch
 * step by step.
 *
 * <p>Each file shows its update rule as a formula in the Javadoc and the loop under it; state
 * (velocities, moments, step counts) lives in {@link dev.jnn.optim.StatefulOptimizer}. They are found by
 * name through {@link dev.jnn.optim.OptimizerProviders}, registered in {@code META-INF/services}; this
 * module depends on nn-api alone.
 */
package dev.jnn.optim;
