package dev.jnn.core.train;

/**
 * One layer's size of gradient and weights over an epoch.
 *
 * @param layer        the layer's index in the model
 * @param type         its provider name
 * @param gradientNorm the L2 norm of all its parameters' gradients, averaged over the epoch's batches
 * @param weightNorm   the L2 norm of all its parameters at the end of the epoch
 */
public record LayerNorms(int layer, String type, double gradientNorm, double weightNorm) {
}
