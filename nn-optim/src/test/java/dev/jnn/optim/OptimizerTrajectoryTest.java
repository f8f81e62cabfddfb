package dev.jnn.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Optimizer;
import dev.jnn.api.Parameter;
import dev.jnn.api.spi.Providers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer, created by name, retraces PyTorch's trajectory step by step (values recorded by
 * {@code tools/reference/optimizer_trajectories.py} in {@code pytorch-trajectories.txt}).
 */
class OptimizerTrajectoryTest {
    private static final Providers PROVIDERS = Providers.load(OptimizerTrajectoryTest.class.getClassLoader());


    record Case(String name, String optimizer, Map<String, String> settings, float[] init, List<float[]> grads,
                List<float[]> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                OptimizerTrajectoryTest.class.getResourceAsStream("/pytorch-trajectories.txt"), StandardCharsets.UTF_8))) {
            String line;
            Case current = null;
            while ((line = in.readLine()) != null) {
                String[] f = line.trim().split(" ");
                switch (f[0]) {
                    case "case" -> {
                        Map<String, String> settings = new LinkedHashMap<>();
                        if (!f[3].equals("-")) {
                            for (String kv : f[3].split(",")) {
                                settings.put(kv.split("=")[0], kv.split("=")[1]);
                            }
                        }
                        current = new Case(f[1], f[2], settings, null, new ArrayList<>(), new ArrayList<>());
                        cases.add(current);
                    }
                    case "init" -> {
                        current = new Case(current.name, current.optimizer, current.settings, floats(f),
                                current.grads, current.expected);
                        cases.set(cases.size() - 1, current);
                    }
                    case "grad" -> current.grads.add(floats(f));
                    case "expect" -> current.expected.add(floats(f));
                    default -> { }
                }
            }
        }
        assertEquals(12, cases.size(), "cases in pytorch-trajectories.txt");
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void retracesPyTorchStepByStep(Case c) {
        Optimizer optimizer = PROVIDERS.optimizer(c.optimizer, c.settings);
        Parameter p = Parameter.zeros("w", c.init.length);
        System.arraycopy(c.init, 0, p.value().data(), 0, c.init.length);
        for (int step = 0; step < c.grads.size(); step++) {
            System.arraycopy(c.grads.get(step), 0, p.gradient().data(), 0, c.init.length);
            optimizer.step(List.of(p));
            float[] expected = c.expected.get(step);
            for (int i = 0; i < expected.length; i++) {
                float actual = p.value().data()[i];
                double error = Math.abs(actual - expected[i]);
                assertTrue(error <= 1e-6 + 2e-6 * Math.abs(expected[i]),
                        c.name + " step " + (step + 1) + " weight " + i + ": got " + actual + ", PyTorch " + expected[i]);
            }
        }
    }

    private static float[] floats(String[] fields) {
        float[] values = new float[fields.length - 1];
        for (int i = 1; i < fields.length; i++) {
            values[i - 1] = Float.parseFloat(fields[i]);
        }
        return values;
    }
}
