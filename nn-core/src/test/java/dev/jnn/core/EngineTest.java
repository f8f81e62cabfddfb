package dev.jnn.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Parameter;
import dev.jnn.api.Tensor;
import dev.jnn.api.data.Dataset;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.layer.Dense;
import dev.jnn.core.loss.SoftmaxCrossEntropy;
import dev.jnn.core.model.Sequential;
import dev.jnn.core.train.Trainer;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Engines are independent: each owns its kernels, threads and providers, two of them train side by
 * side without touching each other's numbers, closing one stops its threads, and what a model is
 * built with never depends on the building thread or its context class loader.
 */
class EngineTest {
    private static final Dataset DATA = Synthetic.spirals(600, 3, 0.2, 5);

    /** Trains 2-32-32-3 on spirals for 4 epochs on {@code engine}; returns every weight, in order. */
    private static List<float[]> train(Engine engine) {
        Sequential model = new Sequential(Dense.withActivation(32, "relu").init("he_normal"),
                Dense.withActivation(32, "tanh"), new Dense(3)).build(engine, 11, 2);
        Trainer.builder().model(model).loss(new SoftmaxCrossEntropy())
                .optimizer(engine.providers().optimizer("adam", Map.of("lr", 0.01)))
                .epochs(4).batchSize(32).seed(3).build().fit(DATA);
        return model.parameters().stream().map(p -> p.value().data().clone()).toList();
    }

    private static void assertSameBits(List<float[]> expected, List<float[]> actual, String what) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), 0f, what + ", parameter " + i);
        }
    }

    @Test
    void twoModelsTrainedAtOnceOnAScalarAndAVectorEngineEachGiveTheWeightsTheyGiveAlone() throws Exception {
        try (Engine scalar = Engine.builder().kernels("scalar").threads(1).build();
             Engine vector = Engine.builder().kernels("vector").threads(2).build()) {
            assertEquals("scalar", scalar.kernels().name());
            assertTrue(vector.kernels().name().startsWith("vector") && vector.kernels().name().contains("2 threads"),
                    vector.kernels().name());
            List<float[]> scalarAlone = train(scalar);
            List<float[]> vectorAlone = train(vector);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<List<float[]>> scalarBeside = pool.submit(() -> train(scalar));
                Future<List<float[]>> vectorBeside = pool.submit(() -> train(vector));
                assertSameBits(scalarAlone, scalarBeside.get(), "scalar engine, trained beside the vector one");
                assertSameBits(vectorAlone, vectorBeside.get(), "vector engine, trained beside the scalar one");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void thePlainAndTheVectorKernelsTrainToTheSameBits() {
        try (Engine scalar = Engine.builder().kernels("scalar").threads(1).build();
             Engine vector = Engine.builder().kernels("vector").threads(2).build()) {
            assertEquals("scalar", scalar.kernels().name(), "this JVM has fast fused multiply-add, so the plain kernels use it");
            assertSameBits(train(vector), train(scalar), "plain-Java and Vector API kernels, the same fma chains");
        }
    }

    @Test
    void oneAndTwoThreadsGiveTheSameWeightsBitForBit() {
        try (Engine one = Engine.builder().kernels("vector").threads(1).build();
             Engine two = Engine.builder().kernels("vector").threads(2).build()) {
            assertSameBits(train(one), train(two), "vector kernels on 1 and 2 threads");
        }
    }

    /** A 300 x 256 first layer: Adam's update of its weights is split over the two threads. */
    @Test
    void aSplitOptimizerStepGivesTheSameWeightsAsOneThread() {
        Dataset wide = Synthetic.blobs(256, 300, 3, 0.5, 2);
        java.util.function.Function<Engine, List<float[]>> train = engine -> {
            Sequential model = new Sequential(Dense.withActivation(256, "relu"), new Dense(3)).build(engine, 5, 300);
            Trainer.builder().model(model).loss(new SoftmaxCrossEntropy())
                    .optimizer(engine.providers().optimizer("adam", Map.of("lr", 0.01)))
                    .epochs(2).batchSize(32).seed(3).build().fit(wide);
            return model.parameters().stream().map(p -> p.value().data().clone()).toList();
        };
        try (Engine one = Engine.builder().kernels("vector").threads(1).build();
             Engine two = Engine.builder().kernels("vector").threads(2).build()) {
            assertSameBits(train.apply(one), train.apply(two), "Adam's update in one loop and in two parts");
        }
    }

    @Test
    void eightThreadsPredictingAtOnceEachGetTheSerialAnswer() throws Exception {
        try (Engine engine = Engine.builder().threads(2).build()) {
            Sequential model = new Sequential(Dense.withActivation(64, "relu"), Dense.withActivation(64, "sigmoid"),
                    new Dense(3)).build(engine, 2, 2);
            Trainer.builder().model(model).loss(new SoftmaxCrossEntropy())
                    .optimizer(engine.providers().optimizer("adam", Map.of())).epochs(1).build().fit(DATA);
            int[] batchSizes = {1, 7, 32, 600};
            List<Tensor> inputs = new ArrayList<>();
            List<Tensor> serial = new ArrayList<>();
            for (int rows : batchSizes) {
                Tensor x = DATA.slice(0, rows).features();
                inputs.add(x);
                serial.add(model.predict(x));
            }
            int threads = 8;
            int callsEach = 10_000 / threads;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Integer>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int offset = t;
                    done.add(pool.submit(() -> {
                        int checked = 0;
                        Tensor[] outputs = inputs.stream().map(x -> Tensor.zeros(x.rows(), 3)).toArray(Tensor[]::new);
                        for (int call = 0; call < callsEach; call++) {
                            int which = (call + offset) % inputs.size();
                            Tensor out = call % 2 == 0 ? model.predict(inputs.get(which))
                                    : model.predict(inputs.get(which), outputs[which]);
                            assertArrayEquals(serial.get(which).data(), out.data(), 0f, "call " + call + " of thread " + offset);
                            checked++;
                        }
                        return checked;
                    }));
                }
                int total = 0;
                for (Future<Integer> f : done) {
                    total += f.get();
                }
                assertEquals(10_000, total);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void predictReturnsAFreshTensorAndChecksTheOutputBuffer() {
        Sequential model = new Sequential(new Dense(3)).build(1, 2);
        Tensor x = DATA.slice(0, 4).features();
        Tensor a = model.predict(x);
        Tensor b = model.predict(x);
        assertFalse(a == b);
        assertTrue(a.contentEquals(b));
        assertEquals("predict output: input has shape [4, 2], expected [batch, 3]",
                assertThrows(IllegalArgumentException.class, () -> model.predict(x, Tensor.zeros(4, 2))).getMessage());
        assertEquals("predict: output has 5 rows for an input of 4; expected one row per sample",
                assertThrows(IllegalArgumentException.class, () -> model.predict(x, Tensor.zeros(5, 3))).getMessage());
    }

    @Test
    void aModelBuildsOnTheCommonPoolAndUnderAContextLoaderThatSeesNoOptimizers() throws Exception {
        ClassLoader blind = new URLClassLoader(new URL[0], null);            // sees the JDK only
        assertTrue(Providers.load(blind).initializers().names().isEmpty(), "the blind loader finds no initializer");
        try (Engine engine = Engine.builder().build()) {
            Sequential onPool = CompletableFuture.supplyAsync(() -> new Sequential(
                    Dense.withActivation(8, "relu").init("he_normal"), new Dense(2)).build(engine, 1, 3), ForkJoinPool.commonPool()).get();
            assertEquals(2, onPool.layers().size());

            Thread thread = Thread.currentThread();
            ClassLoader own = thread.getContextClassLoader();
            thread.setContextClassLoader(blind);
            try {
                Sequential model = new Sequential(Dense.withActivation(8, "tanh").init("xavier_normal"), new Dense(2))
                        .build(engine, 1, 3);
                assertEquals(8 * 3, model.parameters().get(0).size());
                Map<String, Object> tree = RunFiles.parseYaml("""
                        data: { name: xor }
                        model: { layers: [ { type: dense, units: 4, activation: tanh, init: he_normal }, { type: dense, units: 2 } ] }
                        loss: softmax_cross_entropy
                        optimizer: { type: adam }
                        """, "run.yaml");
                RunSpec spec = RunSpec.bind(engine, tree, "run.yaml", Path.of(""));
                assertEquals("adam", spec.newOptimizer().type());
                assertEquals(2, spec.newModel(new int[] {2}).layers().size());
            } finally {
                thread.setContextClassLoader(own);
            }
        }
    }

    @Test
    void closingAnEngineStopsItsThreadsAndItsModelsStillComputeTheSameNumbers() {
        Set<Thread> before = jnnThreads();
        Engine engine = Engine.builder().kernels("vector").threads(2).build();
        Set<Thread> started = jnnThreads();
        started.removeAll(before);
        assertEquals(1, started.size(), "one helper beside the caller: " + started);
        Sequential model = new Sequential(Dense.withActivation(300, "relu"), new Dense(3)).build(engine, 1, 2);
        Tensor x = Synthetic.blobs(512, 2, 3, 0.5, 1).features();      // large enough to use both threads
        Tensor open = model.predict(x);
        engine.close();
        engine.close();                                                   // idempotent
        for (Thread t : started) {
            assertFalse(t.isAlive(), t.getName() + " still runs after close");
        }
        assertTrue(jnnThreads().stream().noneMatch(started::contains));
        assertTrue(open.contentEquals(model.predict(x)), "after close the caller computes every part, with the same bits");
    }

    @Test
    void theSharedEngineIsNeverClosedAndReadsItsDefaultsFromProperties() {
        Engine shared = Engine.shared();
        assertTrue(shared == Engine.shared());
        shared.close();                                                   // does nothing
        assertEquals(2, new Sequential(new Dense(2)).build(1, 3).predict(Tensor.zeros(1, 3)).size());
        String asked = System.getProperty("jnn.kernels", "auto");
        assertEquals(asked.equals("scalar"), shared.kernels().name().equals("scalar"), shared.description());
    }

    @Test
    void badEngineSettingsAreRefusedSayingWhy() {
        assertEquals("engine: kernels must be auto, vector or scalar, got 'fast'",
                assertThrows(IllegalArgumentException.class, () -> Engine.builder().kernels("fast").build()).getMessage());
        assertEquals("engine: threads must be at least 1, got 0",
                assertThrows(IllegalArgumentException.class, () -> Engine.builder().threads(0).build()).getMessage());
    }

    @Test
    void parametersAreIdentitiesSoAMapKeyedByThemSurvivesTraining() {
        Sequential model = new Sequential(new Dense(2)).build(1, 3);
        Parameter weight = model.parameters().get(0);
        Map<Parameter, String> byParameter = new java.util.HashMap<>();
        byParameter.put(weight, "w");
        weight.value().data()[0] += 1;
        assertEquals("w", byParameter.get(weight));
        Parameter twin = new Parameter(weight.name(), weight.value().copy(), weight.gradient().copy(), true);
        assertFalse(twin.equals(weight), "the same values, another parameter");
    }

    private static Set<Thread> jnnThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("jnn-engine-"))
                .collect(Collectors.toSet());
    }
}
