package dev.jnn.bench;

import dev.jnn.api.Kernels;
import dev.jnn.core.Engine;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The products of a training step, {@code X W} (plain and with bias and ReLU fused), {@code X^T dY}
 * and {@code dY W^T}, at the layers of the MNIST network (its 10-class output, one padded vector of
 * columns, included; and its first layer for one sample, a prediction, where B is read in place) and the
 * wide one and at 2048 x 2048, on the engine's kernels with 1 and 2 threads.
 * GFLOP/s = 2 * batch * in * out / time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ProductBenchmark {
    /** batch x in x out. */
    @Param({"1x784x256", "64x784x256", "256x784x256", "256x256x128", "256x128x10", "64x1024x1024", "256x1024x1024",
            "256x2048x2048"})
    String shape;

    @Param({"1", "2"})
    int threads;

    @Param({"vector"})
    String kernelsName;

    private Engine engine;
    private Kernels kernels;
    private int batch;
    private int in;
    private int out;
    private float[] x;
    private float[] w;
    private float[] bias;
    private float[] dy;
    private float[] c;

    @Setup
    public void setUp() {
        String[] dims = shape.split("x");
        batch = Integer.parseInt(dims[0]);
        in = Integer.parseInt(dims[1]);
        out = Integer.parseInt(dims[2]);
        engine = Engine.builder().kernels(kernelsName).threads(threads).build();
        kernels = engine.kernels();
        x = Arrays.random(batch * in, 1);
        w = Arrays.random(in * out, 2);
        bias = Arrays.random(out, 3);
        dy = Arrays.random(batch * out, 4);
        c = new float[Math.max(batch * in, Math.max(in * out, batch * out))];
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public float[] forwardXW() {
        kernels.matmul(x, w, c, batch, in, out);
        return c;
    }

    @Benchmark
    public float[] forwardFusedBiasRelu() {
        kernels.matmulBias(x, w, bias, c, batch, in, out, true);
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
}
