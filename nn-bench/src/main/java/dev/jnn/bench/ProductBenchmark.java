package dev.jnn.bench;

import dev.jnn.api.Kernels;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The three products of a training step at the first layer of 784-256-128-10: {@code X W},
 * {@code X^T dY} and {@code dY W^T}, batch 64 and 256. GFLOP/s = 2 * batch * 784 * 256 / time.
 * Run with {@code -Djnn.threads=1} in {@code -jvmArgsAppend} for the single-thread figure.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ProductBenchmark {
    @Param({"64", "256"})
    int batch;

    @Param({"784"})
    int in;

    @Param({"256"})
    int out;

    private final Kernels kernels = Kernels.get();
    private float[] x;
    private float[] w;
    private float[] dy;
    private float[] c;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        x = random(batch * in, random);
        w = random(in * out, random);
        dy = random(batch * out, random);
        c = new float[Math.max(batch * in, in * out)];
    }

    @Benchmark
    public float[] forwardXW() {
        kernels.matmul(x, w, c, batch, in, out);
        return c;
    }

    @Benchmark
    public float[] weightGradientXtDY() {
        kernels.matmulTransA(x, dy, c, batch, in, out);
        return c;
    }

    @Benchmark
    public float[] inputGradientDYWt() {
        kernels.matmulTransB(dy, w, c, batch, out, in);
        return c;
    }

    private static float[] random(int n, SplittableRandom random) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (random.nextDouble() - 0.5);
        }
        return v;
    }
}
