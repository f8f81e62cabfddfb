package dev.jnn.core.train;

import java.util.SplittableRandom;

/**
 * The order in which an epoch visits the samples, cut into mini-batches: a seeded random permutation,
 * new each epoch (Fisher-Yates), or the samples in order. The last batch is smaller when the batch
 * size does not divide the samples (PyTorch's {@code drop_last=False}). Only indices: where the rows
 * are (this process, or a cluster's partitions) is the {@link GradientSource}'s business.
 */
final class BatchOrder {
    private final int samples;
    private final int batchSize;
    private final int[] order;
    private final SplittableRandom random;
    private final boolean shuffle;

    BatchOrder(int samples, int batchSize, long seed, boolean shuffle) {
        this.samples = samples;
        this.batchSize = Math.min(batchSize, samples);
        this.order = new int[samples];
        for (int i = 0; i < samples; i++) {
            order[i] = i;
        }
        this.random = new SplittableRandom(seed);
        this.shuffle = shuffle;
    }

    int batches() {
        return (samples + batchSize - 1) / batchSize;
    }

    /** A new random order for the next epoch, unless shuffling is off. */
    void shuffle() {
        if (!shuffle) {
            return;
        }
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }

    /** This epoch's sample indices; batch b is {@code order()[start(b) .. start(b) + size(b))}. Not a copy. */
    int[] order() {
        return order;
    }

    int start(int b) {
        return b * batchSize;
    }

    int size(int b) {
        return Math.min(batchSize, samples - start(b));
    }
}
