package dev.jnn.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.core.train.BatchEnd;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
    static final String LABEL = "optimizer.type=momentum optimizer.lr=0.1 seed 7";

    @Test
    void theBarIsShorterThanTheTerminalAtEveryWidth() {
        for (int width : new int[] {20, 40, 60, 80, 100, 120, 200}) {
            for (double eta : new double[] {0, 2.3, 185, 7_200, 1e9}) {
                String line = Progress.barLine(LABEL, 12, 100, 117, 938, 0.123456, 1_234_567, eta, width);
                assertTrue(line.length() < width, width + " columns: '" + line + "' is " + line.length());
            }
        }
        String wide = Progress.barLine(LABEL, 3, 10, 469, 938, 0.25, 98_765, 185, 200);
        assertEquals(LABEL + " epoch 3/10 [###############...............] 469/938 loss 0.2500 98,765 samples/s ETA 3:05", wide);
        String narrow = Progress.barLine(LABEL, 3, 10, 469, 938, 0.25, 98_765, 185, 80);
        assertTrue(narrow.endsWith(" epoch 3/10 [#####.....] 469/938 loss 0.2500 98,765 samples/s ETA 3:05"), narrow);
        assertTrue(narrow.startsWith("optimize") && narrow.contains("…"), "the label gives way first: " + narrow);
        assertTrue(Progress.barLine("x", 1, 1, 1, 1, 0, 0, 4_000, 80).endsWith("ETA 1:06:40"), "hours when it takes hours");
    }

    @Test
    void theRateIsTheRecentOneNotTheAverageSinceTheStart() {
        Progress.RecentRate rate = new Progress.RecentRate(3_000_000_000L);
        rate.add(0, 0, 0);
        rate.add(10_000_000_000L, 10, 640);                 // a slow start: 1 batch/s (the JIT still compiling)
        for (int s = 11; s <= 20; s++) {
            rate.add(s * 1_000_000_000L, 10 + 100L * (s - 10), 640 + 6_400L * (s - 10));      // then 100 batches/s
        }
        assertEquals(100, rate.batchesPerSecond(), 1e-9, "the last 3 s, not 1010 batches / 20 s");
        assertEquals(6_400, rate.samplesPerSecond(), 1e-9);
    }

    @Test
    void redrawsInPlaceAndEndsEachEpochOnItsOwnLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress(LABEL, new Progress.Style(true, () -> 60), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        progress.onTrainingStart(null, 2, 3);
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (int batch = 1; batch <= 3; batch++) {
                progress.onBatchEnd(new BatchEnd(epoch, batch, 3, 32, 0.5f, null));
            }
            progress.onEpochEnd(new dev.jnn.core.train.EpochMetrics(epoch, 0.5, 0.9, 0.4, 0.9, 0.1, 320), null);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = Arrays.asList(out.split("\n"));
        assertEquals(2, lines.size(), "one line per epoch, the bar redrawn in place on it: " + out);
        assertTrue(lines.get(1).endsWith("\repoch 2/2: train 0.5000 test 0.4000 acc 90.00% 0.10 s 320/s\u001b[K"),
                "the epoch line in short form, its label given up at 60 columns: " + lines.get(1));
        for (String line : lines) {
            for (String redraw : line.split("\r")) {
                String visible = redraw.replace("\u001b[K", "");
                assertTrue(redraw.isEmpty() || redraw.endsWith("\u001b[K"), "each redraw clears what a longer one left: " + redraw);
                assertTrue(visible.length() < 60, "bars and epoch lines fit in 60 columns: " + visible);
            }
        }
    }
}
