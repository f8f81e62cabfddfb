package dev.jnn.optim.init;

import java.util.Locale;

/**
 * The gain that keeps a layer's output variance at its input variance, for the activation after it
 * ({@code torch.nn.init.calculate_gain}): 1 for linear and sigmoid, 5/3 for tanh, sqrt(2) for ReLU,
 * sqrt(2 / (1 + a^2)) for leaky ReLU of slope a. ReLU zeroes half its inputs, halving the variance;
 * the sqrt(2) gives it back.
 */
public final class Gain {
    private Gain() {
    }

    /**
     * @param nonlinearity linear, identity, sigmoid, tanh, relu or leaky_relu
     * @param negativeSlope the slope of leaky ReLU below zero (ignored by the others)
     * @throws IllegalArgumentException for another name, listing the known ones
     */
    public static double of(String nonlinearity, double negativeSlope) {
        switch (nonlinearity.toLowerCase(Locale.ROOT)) {
            case "linear":
            case "identity":
            case "sigmoid":
                return 1.0;
            case "tanh":
                return 5.0 / 3.0;
            case "relu":
                return Math.sqrt(2.0);
            case "leaky_relu":
                return Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope));
            default:
                throw new IllegalArgumentException("no gain is known for nonlinearity '" + nonlinearity
                        + "'; known: linear, identity, sigmoid, tanh, relu, leaky_relu");
        }
    }
}
