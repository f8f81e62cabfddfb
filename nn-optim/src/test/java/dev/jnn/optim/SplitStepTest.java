package dev.jnn.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jnn.api.Kernels;
import dev.jnn.api.Optimizer;
import dev.jnn.api.Parameter;
import dev.jnn.api.spi.Providers;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A large parameter's update split over threads gives the bits of the update in one loop: ten steps
 * (past a subnormal flush) of every optimizer, once serially and once with each parameter's parts run
 * on their own threads, last part first.
 */
class SplitStepTest {
    private static final Providers PROVIDERS = Providers.load(SplitStepTest.class.getClassLoader());

    /** Kernels whose only ability is to run three parts, each on a new thread, in reverse order. */
    static Kernels threeThreads(AtomicInteger splits) {
        return (Kernels) Proxy.newProxyInstance(Kernels.class.getClassLoader(), new Class<?>[] {Kernels.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "threads" -> 3;
                    case "name" -> "three threads";
                    case "inParts" -> {
                        int parts = (Integer) args[0];
                        Kernels.Part work = (Kernels.Part) args[1];
                        splits.incrementAndGet();
                        for (int part = parts - 1; part >= 0; part--) {
                            int p = part;
                            Thread t = new Thread(() -> work.run(p, parts));
                            t.start();
                            t.join();
                        }
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static List<Parameter> parameters(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Parameter> list = List.of(Parameter.zeros("w", 300, 256), Parameter.zeros("b", 256));
        for (Parameter p : list) {
            for (int i = 0; i < p.size(); i++) {
                p.value().data()[i] = (float) random.nextGaussian() * 0.05f;
            }
        }
        return list;
    }

    static void gradients(List<Parameter> parameters, int step) {
        SplittableRandom random = new SplittableRandom(100 + step);
        for (Parameter p : parameters) {
            for (int i = 0; i < p.size(); i++) {
                // Some tiny gradients, so that moments reach the subnormal range the flush clears.
                p.gradient().data()[i] = (float) (random.nextGaussian() * (i % 7 == 0 ? 1e-30 : 1e-3));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw", "adagrad"})
    void aSplitStepGivesTheBitsOfOneLoop(String name) {
        Map<String, Object> settings = name.equals("rmsprop") ? Map.of("centered", true, "momentum", 0.5) : Map.of();
        Optimizer serial = PROVIDERS.optimizer(name, settings);
        Optimizer split = PROVIDERS.optimizer(name, settings);
        List<Parameter> a = parameters(1);
        List<Parameter> b = parameters(1);
        AtomicInteger splits = new AtomicInteger();
        Kernels kernels = threeThreads(splits);
        for (int step = 1; step <= 10; step++) {
            gradients(a, step);
            gradients(b, step);
            serial.step(a);
            split.step(b, kernels);
        }
        assertEquals(10, splits.get(), "the 76,800-value weight is split every step, the 256-value bias never");
        for (int k = 0; k < a.size(); k++) {
            assertArrayEquals(a.get(k).value().data(), b.get(k).value().data(), 0f, name + ", " + a.get(k).name());
        }
        List<String> buffers = new ArrayList<>(serial.state().buffers().keySet());
        for (String key : buffers) {
            assertArrayEquals(serial.state().buffers().get(key), split.state().buffers().get(key), 0f, name + " " + key);
        }
    }
}
