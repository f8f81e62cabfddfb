package dev.jnn.examples.cli;

import dev.jnn.api.Model;
import dev.jnn.core.train.BatchEnd;
import dev.jnn.core.train.EpochMetrics;
import dev.jnn.core.train.TrainingControl;
import dev.jnn.core.train.TrainingListener;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows a run's progress: in a terminal, a bar redrawn in place (epoch, batch, loss, samples/s, ETA),
 * never wider than the terminal, and a line per epoch; otherwise (CI, a pipe, runs in parallel) an
 * SLF4J line for the first epoch, about every fifth of the run, and the last.
 *
 * <p>Samples/s and the ETA come from the recent rate (the last few seconds), not the average since the
 * start: the first batches run before the JIT has compiled anything, and an average over them would
 * put the ETA of a 2-second run at minutes.
 */
final class Progress implements TrainingListener {
    private static final Logger LOG = LoggerFactory.getLogger("dev.jnn.progress");
    /** Erase from the cursor to the end of the line: what a shorter redraw leaves behind. */
    private static final String CLEAR_TO_END = "\u001b[K";
    private static final long REDRAW_NANOS = 100_000_000L;

    private final String label;
    private final boolean bar;
    private final IntSupplier width;
    private final PrintStream out;
    private final RecentRate rate = new RecentRate(3_000_000_000L);
    private int epochs;
    private long batchesDone;
    private long samplesDone;
    private long lastDraw;

    /**
     * How progress is shown.
     *
     * @param bar   draw a bar (a terminal, one run at a time) rather than log lines
     * @param width the terminal's width in columns, asked before each redraw
     */
    record Style(boolean bar, IntSupplier width) {
    }

    Progress(String label, Style style) {
        this(label, style, System.err);
    }

    Progress(String label, Style style, PrintStream out) {
        this.label = label;
        this.bar = style.bar();
        this.width = style.width();
        this.out = out;
    }

    /** True when standard input and output are a terminal (the JDK's test for a console). */
    static boolean terminal() {
        return System.console() != null;
    }

    @Override
    public void onTrainingStart(Model model, int epochCount, int batchesPerEpoch) {
        this.epochs = epochCount;
        rate.add(System.nanoTime(), 0, 0);
    }

    @Override
    public void onBatchEnd(BatchEnd b) {
        batchesDone++;
        samplesDone += b.samples();
        long now = System.nanoTime();
        if (!bar || (now - lastDraw < REDRAW_NANOS && b.batch() != b.batches())) {
            return;
        }
        lastDraw = now;
        rate.add(now, batchesDone, samplesDone);
        long remaining = (long) (epochs - b.epoch()) * b.batches() + b.batches() - b.batch();
        double eta = remaining / Math.max(rate.batchesPerSecond(), 1e-9);
        out.print("\r" + barLine(label, b.epoch(), epochs, b.batch(), b.batches(), b.loss(), rate.samplesPerSecond(), eta,
                width.getAsInt()) + CLEAR_TO_END);
        out.flush();
    }

    @Override
    public void onEpochEnd(EpochMetrics m, TrainingControl control) {
        String line = String.format(Locale.ROOT, "%s epoch %d/%d: train loss %.4f, test loss %.4f%s, %.2f s, %,.0f samples/s",
                label, m.epoch(), epochs, m.trainLoss(), m.validationLoss(),
                Double.isNaN(m.validationAccuracy()) ? "" : String.format(Locale.ROOT, ", test accuracy %.2f%%", 100 * m.validationAccuracy()),
                m.seconds(), m.samplesPerSecond());
        if (bar) {
            out.print("\r" + fit(line, m, width.getAsInt()) + CLEAR_TO_END + "\n");
            out.flush();
        } else if (m.epoch() == 1 || m.epoch() == epochs || m.epoch() % Math.max(1, epochs / 5) == 0) {
            LOG.info(line);
        }
    }

    /** The epoch's line as it is when it fits the terminal; otherwise in short form, its label cut first. */
    private String fit(String full, EpochMetrics m, int width) {
        if (full.length() < width) {
            return full;
        }
        String figures = String.format(Locale.ROOT, " epoch %d/%d: train %.4f test %.4f%s %.2f s %,.0f/s", m.epoch(), epochs,
                m.trainLoss(), m.validationLoss(),
                Double.isNaN(m.validationAccuracy()) ? "" : String.format(Locale.ROOT, " acc %.2f%%", 100 * m.validationAccuracy()),
                m.seconds(), m.samplesPerSecond());
        int room = width - 1 - figures.length();
        String shown = label.length() <= room ? label : room <= 1 ? "" : label.substring(0, room - 1) + "…";
        String line = (shown + figures).stripLeading();
        return line.length() < width ? line : line.substring(0, Math.max(0, width - 1));
    }

    /**
     * The bar, shorter than {@code width} so that it never wraps (a wrapped line cannot be redrawn in
     * place): the bar itself shrinks first, then the label; the figures are kept as long as they fit.
     */
    static String barLine(String label, int epoch, int epochs, int batch, int batches, double loss, double samplesPerSecond,
                          double etaSeconds, int width) {
        long eta = Math.round(Math.min(etaSeconds, 359_999));
        String time = eta >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", eta / 3600, eta / 60 % 60, eta % 60)
                : String.format(Locale.ROOT, "%d:%02d", eta / 60, eta % 60);
        String figures = String.format(Locale.ROOT, " %d/%d loss %.4f %,.0f samples/s ETA %s", batch, batches, loss,
                samplesPerSecond, time);
        String epochPart = String.format(Locale.ROOT, " epoch %d/%d ", epoch, epochs);
        int room = width - 1 - epochPart.length() - figures.length();
        int barWidth = Math.min(30, room - Math.min(label.length(), 24) - 2);
        String shownLabel = label;
        if (barWidth < 10) {
            barWidth = Math.max(0, Math.min(10, room - 2 - 8));
            int labelRoom = Math.max(0, room - (barWidth > 0 ? barWidth + 2 : 0));
            shownLabel = label.length() <= labelRoom ? label : labelRoom <= 1 ? "" : label.substring(0, labelRoom - 1) + "…";
        }
        String drawn = barWidth > 0 ? "[" + "#".repeat((int) ((long) barWidth * batch / batches))
                + ".".repeat(barWidth - (int) ((long) barWidth * batch / batches)) + "]" : "";
        String line = (shownLabel + (drawn.isEmpty() ? epochPart.stripTrailing() : epochPart + drawn) + figures).stripLeading();
        return line.length() < width ? line : line.substring(0, Math.max(0, width - 1));
    }

    /** Batches and samples per second over a sliding window of recent time, from counts recorded at each redraw. */
    static final class RecentRate {
        private static final int CAPACITY = 256;
        private final long windowNanos;
        private final long[] times = new long[CAPACITY];
        private final long[] batches = new long[CAPACITY];
        private final long[] samples = new long[CAPACITY];
        private int count;
        private int newest = -1;

        RecentRate(long windowNanos) {
            this.windowNanos = windowNanos;
        }

        /** Records that {@code batchesDone} batches and {@code samplesDone} samples were done at {@code nanos}. */
        void add(long nanos, long batchesDone, long samplesDone) {
            newest = (newest + 1) % CAPACITY;
            times[newest] = nanos;
            batches[newest] = batchesDone;
            samples[newest] = samplesDone;
            count = Math.min(count + 1, CAPACITY);
        }

        double batchesPerSecond() {
            return perSecond(batches);
        }

        double samplesPerSecond() {
            return perSecond(samples);
        }

        /** The change of {@code counter} from the oldest record still in the window to the newest, per second. */
        private double perSecond(long[] counter) {
            if (count < 2) {
                return 0;
            }
            int oldest = newest;
            for (int k = 1; k < count; k++) {
                int i = Math.floorMod(newest - k, CAPACITY);
                oldest = i;
                if (times[newest] - times[i] >= windowNanos) {
                    break;
                }
            }
            double seconds = (times[newest] - times[oldest]) / 1e9;
            return seconds > 0 ? (counter[newest] - counter[oldest]) / seconds : 0;
        }
    }
}
