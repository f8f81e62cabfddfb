package dev.jnn.spark;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Parameter;
import dev.jnn.api.data.Dataset;
import dev.jnn.core.Engine;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.GradientSource;
import java.io.Serializable;

/**
 * One partition of the training data on an executor: rows {@code start..end} of the run's training
 * set, and a model of the run's architecture to compute their gradients with. Cached by Spark as this
 * object, so the rows are loaded and the model built once per executor, not once per step; a shard
 * that is evicted or lost is simply built again.
 */
final class Shard implements Serializable {
    private static final long serialVersionUID = 1L;

    private final RunBlueprint run;
    private final int start;
    private final int end;
    private transient Model model;
    private transient Loss loss;
    private transient GradientSource rows;
    private transient int[] local;

    Shard(RunBlueprint run, int start, int end) {
        this.run = run;
        this.start = start;
        this.end = end;
    }

    /**
     * The sums of this partition's samples of a batch, the model's weights set to {@code weights}
     * (every parameter's values, in order, end to end).
     */
    StepSums sums(float[] weights, int[] batch) {
        int n = 0;
        if (local == null) {
            local = new int[batch.length];
        }
        if (local.length < batch.length) {
            local = new int[batch.length];
        }
        for (int index : batch) {
            if (index >= start && index < end) {
                local[n++] = index - start;
            }
        }
        StepSums sums = StepSums.empty();
        if (n == 0) {
            return sums;
        }
        prepare();
        setWeights(weights);
        float meanLoss = rows.computeGradients(model, loss, local, 0, n);
        sums.count = n;
        sums.loss = (double) meanLoss * n;
        sums.accuracy = rows.lastAccuracy() * n;
        sums.gradient = new double[weights.length];
        int at = 0;
        for (Parameter p : model.parameters()) {
            float[] g = p.gradient().data();
            for (int i = 0; i < p.size(); i++) {
                sums.gradient[at++] = (double) g[i] * n;
            }
        }
        return sums;
    }

    /** Loads the rows and builds the model on first use in this executor. */
    private void prepare() {
        if (model != null) {
            return;
        }
        Engine engine = run.newEngine();
        RunSpec spec = run.bind(engine);
        Dataset train = spec.loadData().train();
        rows = GradientSource.local(train.slice(start, end));
        model = spec.newModel(train.sampleShape());
        loss = spec.newLoss();
    }

    private void setWeights(float[] weights) {
        int at = 0;
        for (Parameter p : model.parameters()) {
            System.arraycopy(weights, at, p.value().data(), 0, p.size());
            at += p.size();
        }
    }
}
