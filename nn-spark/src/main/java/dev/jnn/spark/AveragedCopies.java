package dev.jnn.spark;

import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Optimizer;
import dev.jnn.api.Parameter;
import dev.jnn.core.train.GradientSource;
import java.util.Arrays;
import java.util.List;

/**
 * Parameter averaging ({@code train.averaging_every: K}), as Deeplearning4j's Spark training and local
 * SGD do: each partition trains its own copy of the model, with its own optimizer, on its samples of
 * the next K global batches, then the copies' weights and optimizer states are averaged into the
 * driver's model and optimizer. One round of communication per K batches instead of one per batch,
 * for clusters whose network is slow; the price is that the copies drift apart between averages
 * (README gives the accuracy it cost, measured). The trainer asks batch by batch: the first batch of a
 * round runs the whole round, and the others return the losses the round measured.
 */
final class AveragedCopies implements GradientSource {
    private final Partitions rows;
    private final int every;
    // The round last run: where its batches start in the epoch's order, what each measured, and which
    // of them the trainer asks for next (rounds end at an epoch's end, so a new epoch starts a round).
    private int roundFrom;
    private int batchSize;
    private CopySums round;
    private int next;
    private double accuracy = Double.NaN;

    AveragedCopies(Partitions rows, int every) {
        this.rows = rows;
        this.every = every;
    }

    @Override
    public int samples() {
        return rows.samples();
    }

    @Override
    public boolean averagesCopies() {
        return true;
    }

    @Override
    public float train(Model model, Loss loss, Optimizer optimizer, int[] order, int from, int count) {
        boolean inRound = round != null && next < round.count.length && from == roundFrom + next * batchSize;
        int j = inRound ? next : 0;
        if (!inRound) {
            runRound(model, optimizer, order, from, count);
        }
        next = j + 1;
        accuracy = round.accuracy[j] / round.count[j];
        return (float) (round.loss[j] / round.count[j]);
    }

    /** Trains the copies on up to K batches from {@code from} (not past the epoch's end) and averages them. */
    private void runRound(Model model, Optimizer optimizer, int[] order, int from, int count) {
        int batches = Math.min(every, (order.length - from + count - 1) / count);
        int[][] plan = new int[batches][];
        for (int j = 0; j < batches; j++) {
            int start = from + j * count;
            plan[j] = Arrays.copyOfRange(order, start, Math.min(order.length, start + count));
        }
        List<Parameter> parameters = model.parameters();
        CopySums.State state = CopySums.State.of(optimizer.state());
        double lr = optimizer.learningRate();
        CopySums sums = rows.aggregate(parameters, new CopySums(batches), (shard, weights) -> shard.trainCopy(weights, state, lr, plan),
                CopySums::add);
        for (int j = 0; j < batches; j++) {
            if (sums.count[j] != plan[j].length) {
                throw new IllegalStateException("--spark: the copies trained on " + sums.count[j] + " samples of a batch of "
                        + plan[j].length + "; expected every sample once");
            }
        }
        sums.averageInto(parameters);
        optimizer.loadState(sums.averageState(), parameters);
        this.roundFrom = from;
        this.batchSize = count;
        this.round = sums;
    }

    @Override
    public float computeGradients(Model model, Loss loss, int[] order, int from, int count) {
        throw new UnsupportedOperationException("parameter averaging trains copies of the model; it computes no gradients for the driver");
    }

    @Override
    public double lastAccuracy() {
        return accuracy;
    }

}
