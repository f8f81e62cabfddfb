package dev.jnn.core.train;

import java.util.List;

/** Every epoch's metrics, in order. */
public record History(List<EpochMetrics> epochs) {

    public History {
        epochs = List.copyOf(epochs);
    }

    /** The last epoch's metrics. */
    public EpochMetrics last() {
        if (epochs.isEmpty()) {
            throw new IllegalStateException("no epoch has run");
        }
        return epochs.get(epochs.size() - 1);
    }
}
