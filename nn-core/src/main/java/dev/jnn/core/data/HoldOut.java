package dev.jnn.core.data;

import dev.jnn.api.data.DataSplit;
import dev.jnn.api.data.Dataset;

/** Splits one dataset into training data and the last {@code fraction} of it, held out for testing. */
final class HoldOut {
    private HoldOut() {
    }

    static DataSplit last(Dataset all, double fraction, String description) {
        int test = Math.max(1, (int) Math.round(all.size() * fraction));
        if (test >= all.size()) {
            throw new IllegalArgumentException("data: holding out " + fraction + " of " + all.size()
                    + " samples leaves none to train on; use more samples or a smaller test_fraction");
        }
        return new DataSplit(all.slice(0, all.size() - test), all.slice(all.size() - test, all.size()), description);
    }
}
