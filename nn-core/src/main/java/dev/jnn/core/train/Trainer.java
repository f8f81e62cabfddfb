package dev.jnn.core.train;

import dev.jnn.api.data.Dataset;
import dev.jnn.api.Kernels;
import dev.jnn.api.Loss;
import dev.jnn.api.Model;
import dev.jnn.api.Optimizer;
import dev.jnn.api.Parameter;
import dev.jnn.api.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Mini-batch gradient descent on a built model.
 *
 * <pre>
 *   for each epoch:
 *       shuffle the sample order (seeded)
 *       for each mini-batch (x, y):
 *           p = model.forward(x)                   (the GradientSource: here, or on a cluster)
 *           L = loss(p, y)                         the batch mean
 *           model.backward(dL/dp)                  every parameter's gradient, a batch mean too
 *                                                  (not dL/dx of the data: nobody reads it)
 *           optimizer.step(parameters)
 *       evaluate on the validation data, if any
 * </pre>
 *
 * The same seed, model, data and settings give the same numbers, bit for bit. A NaN or infinite
 * loss stops training with a {@link TrainingDivergedException}.
 */
public final class Trainer {
    private final Model model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final int epochs;
    private final int batchSize;
    private final long seed;
    private final boolean shuffle;
    private final Schedule schedule;
    private final double clipNorm;
    private final double clipValue;
    private final Position start;
    private final java.util.function.BooleanSupplier interrupt;
    private final List<TrainingListener> listeners;

    private Trainer(Builder b) {
        this.model = Objects.requireNonNull(b.model, "trainer: model is not set");
        this.loss = Objects.requireNonNull(b.loss, "trainer: loss is not set");
        this.optimizer = Objects.requireNonNull(b.optimizer, "trainer: optimizer is not set");
        if (b.epochs < 1) {
            throw new IllegalArgumentException("trainer: epochs must be at least 1, got " + b.epochs);
        }
        if (b.batchSize < 1) {
            throw new IllegalArgumentException("trainer: batch size must be at least 1, got " + b.batchSize);
        }
        this.epochs = b.epochs;
        this.batchSize = b.batchSize;
        this.seed = b.seed;
        this.shuffle = b.shuffle;
        if (b.start.epochs() < 0 || b.start.epochs() > b.epochs) {
            throw new IllegalArgumentException("trainer: cannot resume after epoch " + b.start.epochs() + " of a run of "
                    + b.epochs + " epochs; expected 0 to " + b.epochs);
        }
        this.schedule = b.schedule;
        this.clipNorm = b.clipNorm;
        this.clipValue = b.clipValue;
        this.start = b.start;
        this.interrupt = b.interrupt;
        this.listeners = List.copyOf(b.listeners);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Trains on {@code train} without validation data. */
    public History fit(Dataset train) {
        return fit(train, null);
    }

    /**
     * Trains for the configured epochs, evaluating on {@code validation} (may be null) after each.
     *
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public History fit(Dataset train, Dataset validation) {
        return fit(GradientSource.local(train), validation);
    }

    /**
     * Trains for the configured epochs on the samples {@code train} computes gradients from (this
     * process's, or a cluster's), evaluating on {@code validation} (may be null) after each.
     *
     * @throws TrainingDivergedException if the loss becomes NaN or infinite
     */
    public History fit(GradientSource train, Dataset validation) {
        BatchOrder batcher = new BatchOrder(train.samples(), batchSize, seed, shuffle);
        for (int done = 0; done < start.epochs(); done++) {
            batcher.shuffle();                        // the batch order's generator as it was after those epochs
        }
        List<Parameter> parameters = model.parameters();
        Kernels kernels = model.kernels();
        boolean averaged = train.averagesCopies();        // copies trained elsewhere take the steps (parameter averaging)
        List<EpochMetrics> history = new ArrayList<>();
        boolean[] stop = {false};
        TrainingControl control = () -> stop[0] = true;
        listeners.forEach(l -> l.onTrainingStart(model, epochs, batcher.batches()));
        double initialRate = optimizer.learningRate();
        if (schedule != null) {
            schedule.checkRun((long) epochs * batcher.batches());
            if (!schedule.perBatch()) {
                optimizer.setLearningRate(schedule.rate(start.epochs(), initialRate, Double.NaN));
            }
        }
        for (int epoch = start.epochs() + 1; epoch <= epochs && !stop[0]; epoch++) {
            long started = System.nanoTime();
            batcher.shuffle();
            boolean resumed = epoch == start.epochs() + 1 && start.batches() > 0;
            double lossSum = resumed ? start.lossSum() : 0;
            double accuracySum = resumed ? start.accuracySum() : 0;
            double before = resumed ? start.seconds() : 0;
            double normSum = 0;
            int clipped = 0;
            int steps = 0;
            for (int b = resumed ? start.batches() : 0; b < batcher.batches(); b++) {
                if (schedule != null && schedule.perBatch()) {
                    optimizer.setLearningRate(schedule.rate((long) (epoch - 1) * batcher.batches() + b, initialRate, Double.NaN));
                }
                int n = batcher.size(b);
                float batchLoss = averaged ? train.train(model, loss, optimizer, batcher.order(), batcher.start(b), n)
                        : train.computeGradients(model, loss, batcher.order(), batcher.start(b), n);
                if (!Float.isFinite(batchLoss)) {
                    throw new TrainingDivergedException(epoch, b + 1, batchLoss);
                }
                accuracySum += train.lastAccuracy() * n;
                if (!averaged) {                               // else the copies clipped and stepped, and the source set the average
                    if (clipNorm > 0 || clipValue > 0) {
                        double norm = Clipping.globalNorm(parameters);
                        normSum += norm;
                        clipped += Clipping.clip(parameters, norm, clipNorm, clipValue) ? 1 : 0;
                        steps++;
                    }
                    if (kernels != null) {
                        optimizer.step(parameters, kernels);      // a large parameter's update split over the engine's threads
                    } else {
                        optimizer.step(parameters);
                    }
                }
                lossSum += (double) batchLoss * n;
                if (!listeners.isEmpty()) {
                    BatchEnd event = new BatchEnd(epoch, b + 1, batcher.batches(), n, batchLoss, model);
                    listeners.forEach(l -> l.onBatchEnd(event));
                }
                if (interrupt.getAsBoolean() && b + 1 < batcher.batches()) {
                    Position at = new Position(epoch - 1, b + 1, lossSum, accuracySum, before + (System.nanoTime() - started) / 1e9);
                    listeners.forEach(l -> l.onInterrupted(at));
                    History done = new History(history);
                    listeners.forEach(l -> l.onTrainingEnd(done));
                    return done;
                }
            }
            double seconds = before + (System.nanoTime() - started) / 1e9;
            EpochMetrics metrics = endOfEpoch(epoch, validation, parameters, lossSum, accuracySum, train.samples(), seconds,
                    steps > 0 ? normSum / steps : Double.NaN, steps > 0 ? (double) clipped / steps : 0);
            history.add(metrics);
            if (schedule != null && !schedule.perBatch()) {
                // The next epoch's rate is set now, so that a checkpoint written at this epoch's end holds
                // a schedule that has seen this epoch's test loss.
                optimizer.setLearningRate(schedule.rate(epoch, initialRate, metrics.validationLoss()));
            }
            listeners.forEach(l -> l.onEpochEnd(metrics, control));
            if (interrupt.getAsBoolean()) {
                break;                                // stopped between epochs: the epoch's checkpoint is the position
            }
        }
        History result = new History(history);
        listeners.forEach(l -> l.onTrainingEnd(result));
        return result;
    }

    /**
     * The epoch's metrics, after checking that it did not diverge: a step can diverge after its loss
     * was measured (the last step of the run, say), so the weights and the test loss are checked too,
     * and no run ends reporting NaN as a result.
     */
    private EpochMetrics endOfEpoch(int epoch, Dataset validation, List<Parameter> parameters, double lossSum,
                                    double accuracySum, int samples, double seconds, double gradientNorm, double clippedFraction) {
        Evaluation held = validation == null ? new Evaluation(Double.NaN, Double.NaN)
                : Evaluation.of(model, loss, validation, Math.max(batchSize, 256));
        if (validation != null && !Double.isFinite(held.loss())) {
            throw new TrainingDivergedException("training diverged: the test loss is " + held.loss() + " after epoch " + epoch
                    + "; try a smaller learning rate, a different initializer, or check the data for NaN/Inf values");
        }
        for (Parameter p : parameters) {
            if (!p.value().isFinite()) {
                throw new TrainingDivergedException("training diverged: parameter " + p.name() + " holds NaN or infinite values"
                        + " after epoch " + epoch + "; try a smaller learning rate or gradient clipping");
            }
        }
        return new EpochMetrics(epoch, lossSum / samples, accuracySum / samples, held.loss(), held.accuracy(), seconds,
                samples / seconds, optimizer.learningRate(), gradientNorm, clippedFraction);
    }

    /** Settings of a {@link Trainer}; model, loss and optimizer are required. */
    public static final class Builder {
        private Model model;
        private Loss loss;
        private Optimizer optimizer;
        private int epochs = 10;
        private int batchSize = 32;
        private long seed = 0;
        private boolean shuffle = true;
        private Schedule schedule;
        private double clipNorm;
        private double clipValue;
        private Position start = Position.after(0);
        private java.util.function.BooleanSupplier interrupt = () -> false;
        private final List<TrainingListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /** A model already built. */
        public Builder model(Model model) {
            this.model = model;
            return this;
        }

        public Builder loss(Loss loss) {
            this.loss = loss;
            return this;
        }

        public Builder optimizer(Optimizer optimizer) {
            this.optimizer = optimizer;
            return this;
        }

        /** Passes over the training data; 10 unless set. */
        public Builder epochs(int epochs) {
            this.epochs = epochs;
            return this;
        }

        /** Samples per step; 32 unless set (Keras's default). */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Seeds the batch order; 0 unless set. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Whether each epoch visits the samples in a new random order; true unless set. */
        public Builder shuffle(boolean shuffle) {
            this.shuffle = shuffle;
            return this;
        }

        /**
         * Sets the optimizer's learning rate by {@code schedule}: before each epoch, or before each
         * batch for a per-batch schedule. None unless set.
         */
        public Builder schedule(Schedule schedule) {
            this.schedule = schedule;
            return this;
        }

        /**
         * Scales all gradients together when their global L2 norm exceeds {@code maxNorm}, by
         * {@code maxNorm / (norm + 1e-6)}, as {@code torch.nn.utils.clip_grad_norm_}. Off unless set.
         *
         * @throws IllegalArgumentException unless it is finite and greater than 0
         */
        public Builder clipNorm(double maxNorm) {
            if (!(maxNorm > 0) || !Double.isFinite(maxNorm)) {
                throw new IllegalArgumentException("trainer: clip_norm must be a finite number greater than 0, got " + maxNorm);
            }
            this.clipNorm = maxNorm;
            return this;
        }

        /**
         * Clamps every gradient element to {@code [-value, value]}, as {@code torch.nn.utils.clip_grad_value_}
         * (after norm clipping, when both are set). Off unless set.
         */
        public Builder clipValue(double value) {
            if (!(value > 0) || !Double.isFinite(value)) {
                throw new IllegalArgumentException("trainer: clip_value must be a finite number greater than 0, got " + value);
            }
            this.clipValue = value;
            return this;
        }

        /**
         * Continues a run whose first {@code epochs} epochs are done (its model and optimizer restored
         * from a checkpoint): training starts at epoch {@code epochs + 1} with the batch order the
         * straight run would have had, so that the result is the same bit for bit. 0 unless set.
         */
        public Builder resumeAfter(int epochs) {
            return resumeAt(Position.after(epochs));
        }

        /**
         * Continues from a position inside an epoch (a checkpoint written when a run was interrupted):
         * that epoch's batch order, from its next batch, with its sums so far.
         */
        public Builder resumeAt(Position position) {
            this.start = position;
            return this;
        }

        /**
         * Asked after every batch: when it answers true, training stops after that batch, listeners
         * hear {@link TrainingListener#onInterrupted} with the position (so that a checkpoint can be
         * written), and {@link #fit} returns the epochs completed. How a Ctrl-C is honoured.
         */
        public Builder interruptWhen(java.util.function.BooleanSupplier interrupt) {
            this.interrupt = Objects.requireNonNull(interrupt);
            return this;
        }

        public Builder listener(TrainingListener listener) {
            listeners.add(Objects.requireNonNull(listener));
            return this;
        }

        public Trainer build() {
            return new Trainer(this);
        }
    }
}
