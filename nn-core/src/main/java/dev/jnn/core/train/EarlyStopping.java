package dev.jnn.core.train;

import dev.jnn.api.Model;
import dev.jnn.api.Parameter;
import java.util.ArrayList;
import java.util.List;

/**
 * Stops training when a metric has not improved for {@code patience} epochs, as Keras's
 * {@code EarlyStopping}; with {@code restoreBest}, leaves the model at its best epoch's weights.
 * <pre>
 *   improved  = loss:     value &lt; best - minDelta      (test_loss, train_loss)
 *               accuracy: value &gt; best + minDelta      (test_accuracy, train_accuracy)
 *   stop after {@code patience} epochs in a row without improvement
 * </pre>
 */
public final class EarlyStopping implements TrainingListener {
    /** The metrics it can watch, as run files name them. */
    public static final List<String> MONITORS = List.of("test_loss", "test_accuracy", "train_loss", "train_accuracy");

    private final String monitor;
    private final int patience;
    private final double minDelta;
    private final boolean restoreBest;
    private Model model;
    private double best;
    private int bestEpoch;
    private int waited;
    private int stoppedAt;
    private List<float[]> bestWeights;
    private java.util.Map<String, Double> pending;
    private List<float[]> pendingWeights;

    /**
     * @throws IllegalArgumentException for an unknown monitor, a negative patience or min_delta
     */
    public EarlyStopping(String monitor, int patience, double minDelta, boolean restoreBest) {
        if (!MONITORS.contains(monitor)) {
            throw new IllegalArgumentException("early_stopping: monitor must be one of " + MONITORS + ", got '" + monitor + "'");
        }
        if (patience < 0) {
            throw new IllegalArgumentException("early_stopping: patience must be at least 0, got " + patience);
        }
        if (!(minDelta >= 0) || !Double.isFinite(minDelta)) {
            throw new IllegalArgumentException("early_stopping: min_delta must be a finite number of at least 0, got " + minDelta);
        }
        this.monitor = monitor;
        this.patience = patience;
        this.minDelta = minDelta;
        this.restoreBest = restoreBest;
    }

    @Override
    public void onTrainingStart(Model model, int epochs, int batchesPerEpoch) {
        this.model = model;
        this.best = Double.NaN;
        this.bestEpoch = 0;
        this.waited = 0;
        this.stoppedAt = 0;
        this.bestWeights = null;
        if (pending != null) {                        // a resumed run: go on counting where the checkpoint left off
            best = pending.get("best");
            bestEpoch = pending.get("best_epoch").intValue();
            waited = pending.get("waited").intValue();
            stoppedAt = pending.get("stopped_at").intValue();
            bestWeights = pendingWeights;
            pending = null;
        }
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
        double value = switch (monitor) {
            case "test_loss" -> metrics.validationLoss();
            case "test_accuracy" -> metrics.validationAccuracy();
            case "train_loss" -> metrics.trainLoss();
            default -> metrics.trainAccuracy();
        };
        if (Double.isNaN(value)) {
            throw new IllegalStateException("early_stopping: " + monitor + " is not measured in this run (no held-out data,"
                    + " or no accuracy for this loss); monitor another metric");
        }
        boolean lower = monitor.endsWith("loss");
        boolean improved = Double.isNaN(best) || (lower ? value < best - minDelta : value > best + minDelta);
        if (improved) {
            best = value;
            bestEpoch = metrics.epoch();
            waited = 0;
            if (restoreBest) {
                bestWeights = snapshot(model.parameters());
            }
        } else if (++waited > patience) {
            stoppedAt = metrics.epoch();
            control.stop();
        }
    }

    @Override
    public void onTrainingEnd(History history) {
        if (restoreBest && bestWeights != null) {
            List<Parameter> parameters = model.parameters();
            for (int i = 0; i < parameters.size(); i++) {
                System.arraycopy(bestWeights.get(i), 0, parameters.get(i).value().data(), 0, bestWeights.get(i).length);
            }
        }
    }

    /** What it remembers, for a checkpoint: the best value and epoch, the epochs waited, where it stopped. */
    public java.util.Map<String, Double> state() {
        return java.util.Map.of("best", best, "best_epoch", (double) bestEpoch, "waited", (double) waited, "stopped_at", (double) stoppedAt);
    }

    /** The best epoch's weights, parameter by parameter (null before any epoch, or without restore_best). */
    public List<float[]> bestWeights() {
        return bestWeights;
    }

    /**
     * Restores {@link #state()} and {@link #bestWeights()} from a checkpoint, before training resumes:
     * they are applied when the trainer starts, so the patience count goes on where it was.
     */
    public void loadState(java.util.Map<String, Double> state, List<float[]> weights) {
        this.pending = state;
        this.pendingWeights = weights;
    }

    /** The epoch whose weights the model holds at the end (the best with restore_best, else the last). */
    public int keptEpoch(History history) {
        return restoreBest && bestEpoch > 0 ? bestEpoch : history.last().epoch();
    }

    /** The epoch training stopped after, or 0 when it ran all its epochs. */
    public int stoppedAt() {
        return stoppedAt;
    }

    /** The best epoch and its value, for logs. */
    public String summary() {
        return (stoppedAt > 0 ? "stopped after epoch " + stoppedAt + ": " : "") + "best " + monitor + " " + best + " at epoch " + bestEpoch
                + (restoreBest ? ", whose weights the model keeps" : "");
    }

    private static List<float[]> snapshot(List<Parameter> parameters) {
        List<float[]> copy = new ArrayList<>();
        for (Parameter p : parameters) {
            copy.add(p.value().data().clone());
        }
        return copy;
    }
}
