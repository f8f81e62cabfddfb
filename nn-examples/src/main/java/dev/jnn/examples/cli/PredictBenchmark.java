package dev.jnn.examples.cli;

import dev.jnn.api.Model;
import dev.jnn.api.Tensor;
import java.util.SplittableRandom;

/**
 * Inference speed of a built model: {@code predict} into a caller's buffer (which allocates nothing
 * once warm), at batch 1 (the latency of one request, microseconds per call) and batch 256 (throughput,
 * samples/s). Each figure is the best of 10 rounds of about 0.2 s after a warm-up of 2 s, so that the
 * JIT has compiled every path.
 */
final class PredictBenchmark {
    private PredictBenchmark() {
    }

    static void run(Model model, boolean tsv) {
        int[] in = model.inputShape();
        int[] out = model.outputShape();
        System.out.println(tsv ? "batch\tmicroseconds_per_call\tsamples_per_s" : String.format("%5s %20s %12s", "batch", "microseconds/call", "samples/s"));
        for (int batch : new int[] {1, 256}) {
            Tensor x = random(batch, in[0]);
            Tensor y = Tensor.zeros(batch, out[0]);
            double seconds = bestSecondsPerCall(model, x, y);
            System.out.println(tsv ? String.format("%d\t%.2f\t%.0f", batch, seconds * 1e6, batch / seconds)
                    : String.format("%5d %20.2f %12.0f", batch, seconds * 1e6, batch / seconds));
        }
    }

    private static double bestSecondsPerCall(Model model, Tensor x, Tensor y) {
        long warmUpEnd = System.nanoTime() + 2_000_000_000L;
        int calls = 0;
        while (System.nanoTime() < warmUpEnd) {
            model.predict(x, y);
            calls++;
        }
        int perRound = Math.max(1, calls / 10);          // about 0.2 s a round
        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 10; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < perRound; i++) {
                model.predict(x, y);
            }
            best = Math.min(best, (System.nanoTime() - start) / 1e9 / perRound);
        }
        return best;
    }

    private static Tensor random(int batch, int features) {
        SplittableRandom random = new SplittableRandom(1);
        float[] values = new float[batch * features];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) random.nextDouble();
        }
        return Tensor.of(values, batch, features);
    }
}
