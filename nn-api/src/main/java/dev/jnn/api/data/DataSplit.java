package dev.jnn.api.data;

import java.util.Map;

/**
 * A run's training data and held-out data, and what they are, for logs and reports.
 *
 * @param description   such as {@code "spirals (2000 points, 3 arms)"}
 * @param preprocessing how raw rows became these tensors, to be done again to new rows (saved with a
 *                      model): for a CSV, {@code features} (column names), {@code label}, {@code classes}
 *                      (class index to label) and {@code standardize} ({@code mean}, {@code std}); values
 *                      are texts, numbers, lists and maps, as JSON holds them. Empty when there is nothing
 *                      to redo (generated data).
 */
public record DataSplit(Dataset train, Dataset test, String description, Map<String, Object> preprocessing) {

    public DataSplit {
        preprocessing = Map.copyOf(preprocessing);
    }

    /** A split with nothing to redo for new rows. */
    public DataSplit(Dataset train, Dataset test, String description) {
        this(train, test, description, Map.of());
    }
}
