/** Gradient descent on plain functions ({@link dev.jnn.core.minimize.Minimizer}), the functions found by name. */
package dev.jnn.core.minimize;
