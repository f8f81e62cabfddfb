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
 * The matrix products of one training step of a dense network, in the order training runs them:
 * forward {@code X W + b} (ReLU fused) layer by layer, then per layer from the last {@code X^T dY}
 * and, below the first, {@code dY W^T}.
 *
 * <p>Why beside {@link ProductBenchmark}: JMH runs each benchmark method in a fork of its own, so
 * there the JIT compiles the kernels for one kind of product only. Training runs all three kinds
 * through the same tile code, and the JIT compiles it once for all of them: a change that measured
 * faster product by product once ran 25-30% slower here, and in training.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class StepProductsBenchmark {
    /** The layer widths, input first. */
    @Param({"784-256-128-10", "784-1024-1024-10"})
    String network;

    @Param({"64", "256"})
    int batch;

    @Param({"1", "2"})
    int threads;

    private Engine engine;
    private Kernels kernels;
    private int[] widths;
    private float[][] weights;
    private float[][] biases;
    private float[][] activations;          // activations[0] is the batch; activations[l + 1] = layer l's output
    private float[][] gradients;            // gradients[l]: the loss's gradient with respect to activations[l]
    private float[][] weightGradients;

    @Setup
    public void setUp() {
        String[] parts = network.split("-");
        widths = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            widths[i] = Integer.parseInt(parts[i]);
        }
        engine = Engine.builder().kernels("vector").threads(threads).build();
        kernels = engine.kernels();
        int layers = widths.length - 1;
        weights = new float[layers][];
        biases = new float[layers][];
        weightGradients = new float[layers][];
        activations = new float[layers + 1][];
        gradients = new float[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            activations[l] = Arrays.random(batch * widths[l], l);
            gradients[l] = Arrays.random(batch * widths[l], 100 + l);
        }
        for (int l = 0; l < layers; l++) {
            weights[l] = Arrays.random(widths[l] * widths[l + 1], 200 + l);
            biases[l] = Arrays.random(widths[l + 1], 300 + l);
            weightGradients[l] = new float[widths[l] * widths[l + 1]];
        }
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public float[][] products() {
        int layers = widths.length - 1;
        for (int l = 0; l < layers; l++) {
            kernels.matmulBias(activations[l], weights[l], biases[l], activations[l + 1], batch, widths[l], widths[l + 1],
                    l < layers - 1);
        }
        for (int l = layers - 1; l >= 0; l--) {
            kernels.matmulTransA(activations[l], gradients[l + 1], weightGradients[l], batch, widths[l], widths[l + 1]);
            if (l > 0) {
                kernels.matmulTransB(gradients[l + 1], weights[l], gradients[l], batch, widths[l + 1], widths[l]);
            }
        }
        return weightGradients;
    }
}
