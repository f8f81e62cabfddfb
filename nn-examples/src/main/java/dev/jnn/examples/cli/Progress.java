package dev.jnn.examples.cli;

import dev.jnn.api.Model;
import dev.jnn.core.train.BatchEnd;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.TrainingControl;
import dev.jnn.core.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a run's progress: in a terminal, a bar redrawn in place (epoch, batch, loss, samples/s, ETA)
 * and a line per epoch; otherwise (CI, a pipe, runs in parallel) an SLF4J line for the first epoch,
 * about every fifth of the run, and the last.
 */
final class Progress implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.jnn.progress");
    private final String label;
    private final boolean bar;
    private final PrintStream out = System.err;
    private int epochs;
    private long start;
    private long lastDraw;
    private long samples;

    /** @param bar draw a bar (a terminal, one run at a time) rather than log lines */
    Progress(String label, boolean bar) {
        this.label = label;
        this.bar = bar;
    }

    /** True when standard output and error go to a terminal. */
    static boolean terminal() {
        return System.console() != null;
    }

    @Override
    public void onTrainingStart(Model model, int epochCount, int batchesPerEpoch) {
        this.epochs = epochCount;
        this.start = System.nanoTime();
    }

    @Override
    public void onBatchEnd(BatchEnd b) {
        samples += b.samples();
        long now = System.nanoTime();
        if (!bar || (now - lastDraw < 100_000_000L && b.batch() != b.batches())) {
            return;
        }
        lastDraw = now;
        double seconds = (now - start) / 1e9;
        double done = (b.epoch() - 1 + (double) b.batch() / b.batches()) / epochs;
        double eta = done > 0 ? seconds * (1 - done) / done : 0;
        int width = 24;
        int filled = (int) Math.round(width * (double) b.batch() / b.batches());
        out.printf(Locale.ROOT, "\r%s epoch %d/%d [%s%s] %d/%d loss %.4f %,.0f samples/s ETA %d:%02d ", label, b.epoch(),
                epochs, "#".repeat(filled), ".".repeat(width - filled), b.batch(), b.batches(), b.loss(),
                samples / Math.max(seconds, 1e-9), (int) eta / 60, (int) eta % 60);
    }

    @Override
    public void onEpochEnd(EpochMetrics m, TrainingControl control) {
        String line = String.format(Locale.ROOT, "%s epoch %d/%d: train loss %.4f, test loss %.4f%s, %.2f s, %,.0f samples/s",
                label, m.epoch(), epochs, m.trainLoss(), m.validationLoss(),
                Double.isNaN(m.validationAccuracy()) ? "" : String.format(Locale.ROOT, ", test accuracy %.2f%%", 100 * m.validationAccuracy()),
                m.seconds(), m.samplesPerSecond());
        if (bar) {
            out.print("\r" + line + " ".repeat(20) + "\n");
        } else if (m.epoch() == 1 || m.epoch() == epochs || m.epoch() % Math.max(1, epochs / 5) == 0) {
            LOG.info(line);
        }
    }
}
