package dev.jnn.core.train;

/**
 * Where a run is: {@code epochs} whole epochs done and, of the next one, {@code batches} batches with
 * the sums of their losses and accuracies (weighted by batch size) and the seconds they took, so that
 * the epoch's metrics come out as if it had not been interrupted.
 */
public record Position(int epochs, int batches, double lossSum, double accuracySum, double seconds) {

    /** The start of epoch {@code epochs + 1}. */
    public static Position after(int epochs) {
        return new Position(epochs, 0, 0, 0, 0);
    }
}
