package dev.jnn.core.io;

import dev.jnn.api.Model;
import dev.jnn.api.Optimizer;
import dev.jnn.api.Schedule;
import dev.jnn.core.Engine;
import dev.jnn.core.train.EarlyStopping;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.History;
import dev.jnn.core.train.Position;
import dev.jnn.core.train.TrainingControl;
import dev.jnn.core.train.TrainingListener;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes a {@link Checkpoint} every {@code every} epochs and when training ends, replacing the
 * previous checkpoint atomically.
 */
public final class CheckpointWriter implements TrainingListener {
    private final Path file;
    private final Optimizer optimizer;
    private final int every;
    private final Engine engine;
    private final Map<String, String> extra;
    private final Schedule schedule;
    private final EarlyStopping stopping;
    private Model model;
    private int last;
    private int written;
    private boolean interrupted;

    /**
     * @param every epochs between checkpoints, at least 1
     * @param extra metadata written with each checkpoint (the loss, the run file)
     */
    public CheckpointWriter(Path file, Optimizer optimizer, int every, Engine engine, Map<String, String> extra) {
        this(file, optimizer, null, null, every, engine, extra);
    }

    /**
     * As above, saving the state of {@code schedule} and {@code stopping} (either may be null) too, so
     * that a resumed run continues them.
     */
    public CheckpointWriter(Path file, Optimizer optimizer, Schedule schedule, EarlyStopping stopping, int every, Engine engine,
                            Map<String, String> extra) {
        if (every < 1) {
            throw new IllegalArgumentException("checkpoints: every must be at least 1 epoch, got " + every);
        }
        this.file = file;
        this.optimizer = optimizer;
        this.every = every;
        this.engine = engine;
        this.extra = Map.copyOf(extra);
        this.schedule = schedule;
        this.stopping = stopping;
    }

    @Override
    public void onTrainingStart(Model model, int epochs, int batchesPerEpoch) {
        this.model = model;
        this.last = epochs;
    }

    @Override
    public void onEpochEnd(EpochMetrics metrics, TrainingControl control) {
        if (metrics.epoch() % every == 0 || metrics.epoch() == last) {
            Checkpoint.save(file, model, optimizer, Position.after(metrics.epoch()), stopping, engine, withSchedule());
            written = metrics.epoch();
        }
    }

    private Map<String, String> withSchedule() {
        if (schedule == null || schedule.state().isEmpty()) {
            return extra;
        }
        Map<String, String> all = new java.util.LinkedHashMap<>(extra);
        all.put(Checkpoint.SCHEDULE_STATE, ModelFile.json(schedule.state()));
        return all;
    }

    /** An interrupted run (Ctrl-C) leaves a checkpoint of the batch it stopped after. */
    @Override
    public void onInterrupted(Position at) {
        Checkpoint.save(file, model, optimizer, at, stopping, engine, withSchedule());
        written = -1;                                 // a position inside an epoch: onTrainingEnd must not overwrite it
        interrupted = true;
    }

    /** A run stopped early (early stopping) ends with a checkpoint of where it stopped too. */
    @Override
    public void onTrainingEnd(History history) {
        if (!interrupted && !history.epochs().isEmpty() && history.last().epoch() != written) {
            Checkpoint.save(file, model, optimizer, Position.after(history.last().epoch()), stopping, engine, withSchedule());
            written = history.last().epoch();
        }
    }
}
