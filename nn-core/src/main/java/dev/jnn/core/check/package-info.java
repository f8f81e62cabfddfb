/**
 * {@link dev.jnn.core.check.GradientCheck}: is a layer's or loss's backward the derivative of its
 * forward? Public API, for the tests of anyone who writes a custom layer.
 */
package dev.jnn.core.check;
