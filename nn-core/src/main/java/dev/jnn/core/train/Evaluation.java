package dev.jnn.core.train;

import dev.jnn.api.data.Dataset;
import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Tensor;

/**
 * A model's mean loss and accuracy on a dataset, in inference mode ({@code training = false}).
 *
 * @param accuracy NaN where the loss defines none
 */
public record Evaluation(double loss, double accuracy) {

    /** Evaluates in batches of {@code batchSize}, in order; the means are weighted by batch size. */
    public static Evaluation of(Model model, Loss loss, Dataset data, int batchSize) {
        BatchOrder order = new BatchOrder(data.size(), batchSize, 0, false);
        BatchRows rows = new BatchRows(data, model.kernels());
        double lossSum = 0;
        double accuracySum = 0;
        for (int b = 0; b < order.batches(); b++) {
            Tensor[] batch = rows.rows(order.order(), order.start(b), order.size(b));
            Tensor out = model.forward(batch[0], false);
            int n = batch[0].rows();
            lossSum += loss.forward(out, batch[1]) * (double) n;
            accuracySum += loss.accuracy(out, batch[1]) * n;
        }
        return new Evaluation(lossSum / data.size(), accuracySum / data.size());
    }
}
