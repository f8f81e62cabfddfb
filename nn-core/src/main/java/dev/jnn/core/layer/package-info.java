/**
 * The built-in layers. Each file shows its forward and backward math side by side; the loops are in
 * {@link dev.jnn.api.Kernels}. They are found by name through
 * {@link dev.jnn.core.layer.LayerProviders}, registered in {@code META-INF/services} like any plugin.
 */
package dev.jnn.core.layer;
