package dev.jnn.core.data;

import dev.jnn.api.data.DataSplit;
import dev.jnn.api.data.Dataset;
import java.util.SplittableRandom;

/**
 * Splits one dataset into training data and a held-out {@code fraction} for testing: drawn at random
 * with the run's seed, so that a file sorted by class does not put one class alone in the test set;
 * or the last rows, in file order, for data whose order matters (a time series).
 */
final class HoldOut {
    private HoldOut() {
    }

    static DataSplit split(Dataset all, double fraction, boolean shuffle, long seed, String description) {
        int n = all.size();
        int test = Math.max(1, (int) Math.round(n * fraction));
        if (test >= n) {
            throw new IllegalArgumentException("data: holding out " + fraction + " of " + n
                    + " samples leaves none to train on; use more samples or a smaller test_fraction");
        }
        if (!shuffle) {
            return new DataSplit(all.slice(0, n - test), all.slice(n - test, n), description);
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);     // not the weights' or the batches' stream
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return new DataSplit(all.select(java.util.Arrays.copyOfRange(order, 0, n - test)),
                all.select(java.util.Arrays.copyOfRange(order, n - test, n)), description);
    }
}
