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
import org.openjdk.jmh.annotations.Warmup;

/** One optimizer step over the 235,146 parameters of 784-256-128-10. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class OptimizerStepBenchmark {
    @Param({"sgd", "momentum", "rmsprop", "adam"})
    String optimizer;

    private Optimizer step;
    private List<Parameter> parameters;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        parameters = List.of(Parameter.zeros("w1", 784, 256), Parameter.zeros("b1", 256), Parameter.zeros("w2", 256, 128),
                Parameter.zeros("b2", 128), Parameter.zeros("w3", 128, 10), Parameter.zeros("b3", 10));
        for (Parameter p : parameters) {
            for (int i = 0; i < p.size(); i++) {
                p.value().data()[i] = (float) random.nextGaussian() * 0.05f;
                p.gradient().data()[i] = (float) random.nextGaussian() * 1e-3f;
            }
        }
        step = Engine.shared().providers().optimizer(optimizer, Map.of("lr", 1e-6));
    }

    @Benchmark
    public List<Parameter> step() {
        step.step(parameters);
        return parameters;
    }
}
