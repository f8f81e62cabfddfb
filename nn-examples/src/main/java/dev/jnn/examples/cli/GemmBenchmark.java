package dev.jnn.examples.cli;

import dev.jnn.api.Kernels;
import dev.jnn.core.Engine;
import java.util.List;
import java.util.SplittableRandom;

/**
 * GFLOP/s of the three products of a training step at the reference network's largest shapes, on 1
 * and 2 threads: {@code X W} (forward), {@code X^T dY} (weight gradient), {@code dY W^T} (input
 * gradient), each the best of 15 timed rounds of about 2 ms after a warm-up of some 3 GFLOP (the
 * best, not the mean: on a shared machine the best round is the one nothing else interrupted).
 */
final class GemmBenchmark {
    private GemmBenchmark() {
    }

    /**
     * {in, out} of the layers whose products dominate: the MNIST network's 784-256 and 256-128, the wide
     * network's 784-1024 and 1024-1024, and 2048-2048, whose weights (16 MiB) fit in no cache.
     */
    static final int[][] LAYERS = {{784, 256}, {256, 128}, {784, 1024}, {1024, 1024}, {2048, 2048}};

    static void run(List<Integer> batches, boolean tsv) {
        System.out.println(tsv ? "kernels\tproduct\tm\tk\tn\tgflops" : String.format("%-28s %-8s %16s %8s", "kernels", "product", "m x k x n", "GFLOP/s"));
        for (int threads = 1; threads <= 2; threads++) {
            try (Engine engine = Engine.builder().threads(threads).build()) {
                run(engine.kernels(), batches, tsv);
            }
        }
    }

    private static void run(Kernels k, List<Integer> batches, boolean tsv) {
        {
            for (int batch : batches) {
                for (int[] layer : LAYERS) {
                    for (String product : new String[] {"XW", "XtdY", "dYWt"}) {
                        double gflops = measure(k, product, batch, layer[0], layer[1]);
                        String shape = batch + "x" + layer[0] + "x" + layer[1];
                        System.out.println(tsv ? String.format("%s\t%s\t%d\t%d\t%d\t%.1f", k.name(), product, batch, layer[0], layer[1], gflops)
                                : String.format("%-28s %-8s %16s %8.1f", k.name(), product, shape, gflops));
                    }
                }
            }
        }
    }

    private static double measure(Kernels kernels, String product, int m, int in, int out) {
        SplittableRandom random = new SplittableRandom(1);
        float[] x = fill(new float[m * in], random);
        float[] w = fill(new float[in * out], random);
        float[] dy = fill(new float[m * out], random);
        float[] c = new float[Math.max(m * out, Math.max(in * out, m * in))];
        long flops = 2L * m * in * out;
        int reps = (int) Math.max(3, 2e8 / flops);            // about 2 ms a round at 100 GFLOP/s
        run(kernels, product, x, w, dy, c, m, in, out, (int) Math.max(10, 3e9 / flops));   // warm-up: the JIT compiles first
        double best = 0;
        for (int round = 0; round < 15; round++) {
            long start = System.nanoTime();
            run(kernels, product, x, w, dy, c, m, in, out, reps);
            best = Math.max(best, flops * reps / ((System.nanoTime() - start) / 1e9) / 1e9);
        }
        return best;
    }

    private static void run(Kernels kernels, String product, float[] x, float[] w, float[] dy, float[] c, int m, int in, int out,
                            int reps) {
        for (int i = 0; i < reps; i++) {
            switch (product) {
                case "XW" -> kernels.matmul(x, w, c, m, in, out);
                case "XtdY" -> kernels.matmulTransA(x, dy, c, m, in, out);
                default -> kernels.matmulTransB(dy, w, c, m, out, in);
            }
        }
    }

    private static float[] fill(float[] values, SplittableRandom random) {
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextDouble() - 0.5);
        }
        return values;
    }
}
