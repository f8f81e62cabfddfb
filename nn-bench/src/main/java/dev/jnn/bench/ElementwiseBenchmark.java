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
 * Every kernel that is not a product, on a 256 x 256 activation (a batch of 256 through a 256-wide
 * layer), with the Vector API kernels and the plain ones: bias, bias gradient, and each activation's
 * forward and backward pass.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class ElementwiseBenchmark {
    private static final int ROWS = 256;
    private static final int COLS = 256;
    private static final int N = ROWS * COLS;

    @Param({"vector", "scalar"})
    String kernelsName;

    private Engine engine;
    private Kernels k;
    private float[] x;
    private float[] y;
    private float[] dy;
    private float[] dx;
    private float[] bias;

    @Setup
    public void setUp() {
        engine = Engine.builder().kernels(kernelsName).threads(1).build();
        k = engine.kernels();
        x = Arrays.random(N, 1);
        y = Arrays.random(N, 2);
        dy = Arrays.random(N, 3);
        dx = new float[N];
        bias = Arrays.random(COLS, 4);
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public float[] addRowVector() {
        k.addRowVector(y, bias, ROWS, COLS);
        return y;
    }

    @Benchmark
    public float[] sumRows() {
        k.sumRows(dy, bias, ROWS, COLS);
        return bias;
    }

    @Benchmark
    public float[] relu() {
        k.relu(x, y, N);
        return y;
    }

    @Benchmark
    public float[] reluBackward() {
        k.reluBackward(x, dy, dx, N);
        return dx;
    }

    @Benchmark
    public float[] leakyRelu() {
        k.leakyRelu(x, y, N, 0.01f);
        return y;
    }

    @Benchmark
    public float[] leakyReluBackward() {
        k.leakyReluBackward(x, dy, dx, N, 0.01f);
        return dx;
    }

    @Benchmark
    public float[] sigmoid() {
        k.sigmoid(x, y, N);
        return y;
    }

    @Benchmark
    public float[] sigmoidBackward() {
        k.sigmoidBackward(x, dy, dx, N);
        return dx;
    }

    @Benchmark
    public float[] tanh() {
        k.tanh(x, y, N);
        return y;
    }

    @Benchmark
    public float[] tanhBackward() {
        k.tanhBackward(x, dy, dx, N);
        return dx;
    }

    @Benchmark
    public float[] elu() {
        k.elu(x, y, N, 1f);
        return y;
    }

    @Benchmark
    public float[] eluBackward() {
        k.eluBackward(x, y, dy, dx, N, 1f);
        return dx;
    }

    @Benchmark
    public float[] gelu() {
        k.gelu(x, y, N, false);
        return y;
    }

    @Benchmark
    public float[] geluBackward() {
        k.geluBackward(x, dy, dx, N, false);
        return dx;
    }

    @Benchmark
    public float[] softplus() {
        k.softplus(x, y, N, 1f, 20f);
        return y;
    }

    @Benchmark
    public float[] softplusBackward() {
        k.softplusBackward(x, dy, dx, N, 1f, 20f);
        return dx;
    }
}
