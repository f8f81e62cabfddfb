package dev.jnn.api.data;

/**
 * A run's training data and held-out data, and what they are, for logs and reports.
 *
 * @param description such as {@code "spirals (2000 points, 3 arms)"}
 */
public record DataSplit(Dataset train, Dataset test, String description) {
}
