package dev.jnn.core.train;

import dev.jnn.api.Layer;
import dev.jnn.api.Model;
import dev.jnn.api.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Records, for every layer with parameters, the mean gradient norm over each epoch's batches and the
 * weight norm at its end: the figures that show vanishing gradients (the first layers' norms orders
 * of magnitude below the last layers') and exploding ones.
 *
 * <p>The mean is taken over up to {@value #SAMPLES} evenly spaced batches of each epoch, the first
 * always among them: a norm reads every gradient, and doing it after every step would slow training
 * by about a tenth.
 */
public final class LayerNormRecorder implements TrainingListener {
    static final int SAMPLES = 16;

    private final List<Integer> indices = new ArrayList<>();
    private final List<Layer> layers = new ArrayList<>();
    private final List<List<LayerNorms>> epochs = new ArrayList<>();
    private double[] gradientSums;
    private int batches;
    private int stride = 1;

    @Override
    public void onTrainingStart(Model model, int epochCount, int batchesPerEpoch) {
        indices.clear();
        layers.clear();
        List<Layer> all = model.layers();
        for (int i = 0; i < all.size(); i++) {
            if (!all.get(i).parameters().isEmpty()) {
                indices.add(i);
                layers.add(all.get(i));
            }
        }
        gradientSums = new double[layers.size()];
        batches = 0;
        stride = Math.max(1, batchesPerEpoch / SAMPLES);
    }

    @Override
    public void onBatchEnd(BatchEnd batch) {
        if ((batch.batch() - 1) % stride != 0) {
            return;
        }
        for (int k = 0; k < layers.size(); k++) {
            gradientSums[k] += norm(layers.get(k).parameters(), true);
        }
        batches++;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
        List<LayerNorms> epoch = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            Layer layer = layers.get(k);
            epoch.add(new LayerNorms(indices.get(k), layer.type(), gradientSums[k] / Math.max(1, batches),
                    norm(layer.parameters(), false)));
        }
        epochs.add(List.copyOf(epoch));
        java.util.Arrays.fill(gradientSums, 0);
        batches = 0;
    }

    /** Per epoch, per layer with parameters, in order. */
    public List<List<LayerNorms>> epochs() {
        return List.copyOf(epochs);
    }

    private static double norm(List<Parameter> parameters, boolean gradient) {
        double sum = 0;
        for (Parameter p : parameters) {
            for (float v : (gradient ? p.gradient() : p.value()).data()) {
                sum += (double) v * v;
            }
        }
        return Math.sqrt(sum);
    }
}
