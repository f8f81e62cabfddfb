/**
 * Weight initializers, following {@code torch.nn.init}: Xavier/Glorot and He/Kaiming, which keep the
 * variance of activations and gradients about equal from layer to layer (the remedy for vanishing and
 * exploding gradients in deep nets), LeCun normal, and the plain distributions.
 *
 * <p>A dense weight has shape {@code [fan_in, fan_out]}. {@link dev.jnn.optim.init.Gain} gives the
 * recommended gain for an activation.
 */
package dev.jnn.optim.init;
