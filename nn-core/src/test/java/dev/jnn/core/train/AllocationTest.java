package dev.jnn.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.management.ThreadMXBean;
import dev.jnn.api.Loss;
import dev.jnn.api.Optimizer;
import dev.jnn.api.Parameter;
import dev.jnn.api.Tensor;
import dev.jnn.core.Engine;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Once warm, a training step (the batch copied from the dataset, forward, loss, backward, optimizer
 * step) and a predict call into the caller's buffer allocate nothing, on the calling thread or on the
 * engine's helper threads. Counted with the JVM's per-thread allocation counters, which read exact
 * bytes, not time.
 */
class AllocationTest {
    private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sgd", "adam", "rmsprop", "momentum"})
    void aWarmTrainingStepAndAWarmPredictAllocateNothing(String optimizerName) {
        assertWarmStepsAllocateNothing(optimizerName, 20, 32, 16, false);
    }

    /**
     * A first layer of 96,000 weights, whose optimizer update is split over the engine's two threads,
     * and batches of 256 x 300 features, whose copy from the dataset is split too; a one-sample predict
     * runs its 320 columns as a row tile of 256 and one of 64.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"adam", "momentum"})
    void aSplitOptimizerStepAllocatesNothing(String optimizerName) {
        assertWarmStepsAllocateNothing(optimizerName, 300, 320, 256, true);
    }

    private void assertWarmStepsAllocateNothing(String optimizerName, int inputs, int hidden, int samples, boolean splitStep) {
        try (Engine engine = Engine.builder().threads(2).build()) {
            Sequential model = new Sequential(Dense.withActivation(hidden, "relu"), Dense.withActivation(16, "tanh"),
                    new Dense(10)).build(engine, 3, inputs);
            Loss loss = new SoftmaxCrossEntropy();
            Optimizer optimizer = engine.providers().optimizer(optimizerName, Map.of());
            List<Parameter> parameters = model.parameters();
            var data = Synthetic.blobs(samples, inputs, 10, 0.5, 1);
            GradientSource rows = GradientSource.local(data);        // the batch copied from the dataset, as training does
            int[] order = IntStream.range(0, samples).map(i -> samples - 1 - i).toArray();
            Tensor x = data.features();
            Tensor out = Tensor.zeros(samples, 10);
            Tensor oneSample = Tensor.of(java.util.Arrays.copyOf(x.data(), inputs), 1, inputs);   // a prediction
            Tensor oneOut = Tensor.zeros(1, 10);
            Runnable step = () -> {
                rows.computeGradients(model, loss, order, 0, samples);
                if (splitStep) {
                    optimizer.step(parameters, model.kernels());
                } else {
                    optimizer.step(parameters);
                }
                model.predict(x, out);
                model.predict(oneSample, oneOut);
            };
            long[] helpers = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("jnn-engine-")).mapToLong(Thread::getId).toArray();
            // Warm means: once the JIT has compiled every path (it does so in the background, so the
            // number of steps that takes varies), some round of 200 steps allocates nothing at all.
            // A step that allocates for real never gets there.
            long last = -1;
            for (int round = 0; round < 100 && last != 0; round++) {
                long before = allocatedBytes(helpers);
                for (int i = 0; i < 200; i++) {
                    step.run();
                }
                last = allocatedBytes(helpers) - before;
            }
            assertEquals(0, last, "bytes allocated by the last 200 steps and predicts with " + optimizerName);
        }
    }

    /** Bytes allocated so far by this thread and by the engine's helper threads (reading them allocates nothing). */
    private static long allocatedBytes(long[] helpers) {
        long total = THREADS.getCurrentThreadAllocatedBytes();
        for (long id : helpers) {
            total += THREADS.getThreadAllocatedBytes(id);
        }
        return total;
    }
}
