package dev.jnn.bench;

import dev.jnn.api.Optimizer;
import dev.jnn.api.Parameter;
import dev.jnn.core.Engine;
import java.util.List;
import java.util.Map;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One optimizer step over the parameters of 784-256-128-10 (235,146 values) or of the wide
 * 784-1024-1024-10 (1,863,690), with the update of each large parameter split over the engine's
 * threads (1: one loop).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@State(Scope.Thread)
public class OptimizerStepBenchmark {
    @Param({"sgd", "momentum", "rmsprop", "adam"})
    String optimizer;

    @Param({"mnist", "wide"})
    String network;

    @Param({"1", "2"})
    int threads;

    private Engine engine;
    private Optimizer step;
    private List<Parameter> parameters;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        int[] sizes = network.equals("wide") ? new int[] {784, 1024, 1024, 10} : new int[] {784, 256, 128, 10};
        List<Parameter> list = new java.util.ArrayList<>();
        for (int k = 1; k < sizes.length; k++) {
            list.add(Parameter.zeros("w" + k, sizes[k - 1], sizes[k]));
            list.add(Parameter.zeros("b" + k, sizes[k]));
        }
        parameters = List.copyOf(list);
        for (Parameter p : parameters) {
            for (int i = 0; i < p.size(); i++) {
                p.value().data()[i] = (float) random.nextGaussian() * 0.05f;
                p.gradient().data()[i] = (float) random.nextGaussian() * 1e-3f;
            }
        }
        engine = Engine.builder().threads(threads).build();
        step = engine.providers().optimizer(optimizer, Map.of("lr", 1e-6));
    }

    @TearDown
    public void tearDown() {
        engine.close();
    }

    @Benchmark
    public List<Parameter> step() {
        step.step(parameters, engine.kernels());
        return parameters;
    }
}
