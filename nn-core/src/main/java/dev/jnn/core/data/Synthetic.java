package dev.jnn.core.data;

import dev.jnn.api.Tensor;
import dev.jnn.api.data.Dataset;
import java.util.SplittableRandom;

/**
 * Generated datasets: the same arguments and seed give the same data, bit for bit.
 */
public final class Synthetic {
    private Synthetic() {
    }

    /**
     * The four XOR points, inputs {@code [4, 2]} and class indices {@code [4, 1]}: class 1 when
     * exactly one input is 1. No linear model separates them; one hidden layer does.
     */
    public static Dataset xor() {
        Tensor x = Tensor.matrix(new float[] {0, 0}, new float[] {0, 1}, new float[] {1, 0}, new float[] {1, 1});
        Tensor y = Tensor.of(new float[] {0, 1, 1, 0}, 4, 1);
        return new Dataset(x, y);
    }

    /**
     * Interleaved spiral arms in the plane, one class per arm (the classic CS231n toy problem):
     * inputs {@code [samples, 2]} in about [-1, 1], class indices {@code [samples, 1]}.
     *
     * @param classes arms, at least 2
     * @param noise   standard deviation of the angle jitter, in radians (0.2 is a fair challenge)
     */
    public static Dataset spirals(int samples, int classes, double noise, long seed) {
        if (classes < 2 || samples < classes) {
            throw new IllegalArgumentException("spirals: need at least 2 classes and a sample per class, got "
                    + classes + " classes and " + samples + " samples");
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[samples * 2];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            int arm = i % classes;
            double t = random.nextDouble();                 // position along the arm, centre to rim
            double angle = arm * 2 * Math.PI / classes + 4 * t + noise * random.nextGaussian();
            x[2 * i] = (float) (t * Math.sin(angle));
            x[2 * i + 1] = (float) (t * Math.cos(angle));
            y[i] = arm;
        }
        return new Dataset(Tensor.of(x, samples, 2), Tensor.of(y, samples, 1));
    }

    /**
     * The teacher-network regression of the backpropagation article: inputs from N(0, 1), targets
     * made by a fixed random network {@code y = tanh(x W1 + b1) W2 + b2} with weights from
     * N(0, 1/fan_in). A student network of another shape learns to imitate it.
     *
     * @return inputs {@code [samples, inputs]}, targets {@code [samples, outputs]}
     */
    public static Dataset teacher(int samples, int inputs, int hidden, int outputs, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] w1 = gaussian(inputs * hidden, 1 / Math.sqrt(inputs), random);
        float[] b1 = gaussian(hidden, 0.1, random);
        float[] w2 = gaussian(hidden * outputs, 1 / Math.sqrt(hidden), random);
        float[] b2 = gaussian(outputs, 0.1, random);
        float[] x = gaussian(samples * inputs, 1, random);
        float[] y = new float[samples * outputs];
        float[] h = new float[hidden];
        for (int s = 0; s < samples; s++) {
            for (int j = 0; j < hidden; j++) {
                double sum = b1[j];
                for (int i = 0; i < inputs; i++) {
                    sum += x[s * inputs + i] * w1[i * hidden + j];
                }
                h[j] = (float) Math.tanh(sum);
            }
            for (int k = 0; k < outputs; k++) {
                double sum = b2[k];
                for (int j = 0; j < hidden; j++) {
                    sum += h[j] * w2[j * outputs + k];
                }
                y[s * outputs + k] = (float) sum;
            }
        }
        return new Dataset(Tensor.of(x, samples, inputs), Tensor.of(y, samples, outputs));
    }

    /**
     * Gaussian blobs: each class a random prototype in [0, 1]^features, each sample its class's
     * prototype plus N(0, noise^2) per feature, classes drawn uniformly. Stands in for data of a
     * given shape (such as MNIST's 784 features and 10 classes) when the real files are absent.
     *
     * @return inputs {@code [samples, features]}, class indices {@code [samples, 1]}
     */
    public static Dataset blobs(int samples, int features, int classes, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] prototypes = new float[classes * features];
        for (int i = 0; i < prototypes.length; i++) {
            prototypes[i] = (float) random.nextDouble();
        }
        float[] x = new float[samples * features];
        float[] y = new float[samples];
        for (int s = 0; s < samples; s++) {
            int label = random.nextInt(classes);
            y[s] = label;
            for (int f = 0; f < features; f++) {
                x[s * features + f] = (float) (prototypes[label * features + f] + noise * random.nextGaussian());
            }
        }
        return new Dataset(Tensor.of(x, samples, features), Tensor.of(y, samples, 1));
    }

    private static float[] gaussian(int n, double std, SplittableRandom random) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (std * random.nextGaussian());
        }
        return values;
    }
}
