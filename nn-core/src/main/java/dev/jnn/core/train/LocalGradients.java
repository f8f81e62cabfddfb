package dev.jnn.core.train;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Tensor;
import dev.jnn.api.data.Dataset;

/** A batch's gradients computed in this process: rows copied into reused buffers, forward, loss, backward. */
final class LocalGradients implements GradientSource {
    private final Dataset data;
    private BatchRows rows;             // made for the model's kernels, whose threads share out the copy
    private double accuracy = Double.NaN;

    LocalGradients(Dataset data) {
        this.data = data;
    }

    @Override
    public int samples() {
        return data.size();
    }

    @Override
    public float computeGradients(Model model, Loss loss, int[] order, int from, int count) {
        if (rows == null || !rows.copiesWith(model.kernels())) {
            rows = new BatchRows(data, model.kernels());
        }
        Tensor[] batch = rows.rows(order, from, count);
        Tensor predictions = model.forward(batch[0], true);
        float batchLoss = loss.forward(predictions, batch[1]);
        if (Float.isFinite(batchLoss)) {
            accuracy = loss.accuracy(predictions, batch[1]);
            model.backward(loss.backward(), false);       // not dL/dx of the data: nobody reads it
        }
        return batchLoss;
    }

    @Override
    public double lastAccuracy() {
        return accuracy;
    }
}
