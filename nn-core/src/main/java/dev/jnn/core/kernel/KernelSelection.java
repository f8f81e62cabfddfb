package dev.jnn.core.kernel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the kernels once per JVM, and says which in one log line.
 *
 * <p>The system property {@code jnn.kernels} ({@code auto}, {@code vector} or {@code scalar}) forces
 * a choice, and {@code jnn.threads} the thread count of the vector kernels; tests use them to run the
 * same checks on every path.
 */
public final class KernelSelection {
    private static final Logger LOG = LoggerFactory.getLogger(KernelSelection.class);
    private static volatile Kernels chosen;

    private KernelSelection() {
    }

    static Kernels chosen() {
        Kernels k = chosen;
        if (k == null) {
            synchronized (KernelSelection.class) {
                if (chosen == null) {
                    chosen = choose(System.getProperty("jnn.kernels", "auto"));
                    LOG.info("jnn kernels: {}", chosen.name());
                }
                k = chosen;
            }
        }
        return k;
    }

    /**
     * The kernels for a setting: {@code vector} (fails without the Vector API), {@code scalar}, or
     * {@code auto} (vector when the {@code jdk.incubator.vector} module is readable, else scalar).
     *
     * @throws IllegalArgumentException for another name, or vector without the module
     */
    public static Kernels choose(String setting) {
        return switch (setting) {
            case "scalar" -> new ScalarKernels();
            case "vector" -> {
                if (!vectorApiReadable()) {
                    throw new IllegalArgumentException("jnn.kernels=vector needs the Vector API: run java with "
                            + "--add-modules jdk.incubator.vector");
                }
                yield newVectorKernels(threads());
            }
            case "auto" -> {
                if (vectorApiReadable()) {
                    yield newVectorKernels(threads());
                }
                LOG.info("jnn: the Vector API is not enabled, so the plain-Java kernels run; add "
                        + "--add-modules jdk.incubator.vector to the java command for kernels several times faster");
                yield new ScalarKernels();
            }
            default -> throw new IllegalArgumentException("jnn.kernels must be auto, vector or scalar, got '" + setting + "'");
        };
    }

    /** Vector kernels on {@code threads} threads (tests compare 1 and 2). */
    public static Kernels vector(int threads) {
        if (!vectorApiReadable()) {
            throw new IllegalStateException("the Vector API is not readable: run java with --add-modules jdk.incubator.vector");
        }
        return newVectorKernels(threads);
    }

    /** True when the incubator module is in the boot layer, so that this (unnamed) module reads it. */
    public static boolean vectorApiReadable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** The thread count: {@code jnn.threads}, or the available processors. */
    static int threads() {
        String setting = System.getProperty("jnn.threads");
        int threads = setting == null ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(setting.trim());
        if (threads < 1) {
            throw new IllegalArgumentException("jnn.threads must be at least 1, got " + threads);
        }
        return threads;
    }

    // Loaded by name only here, so that without the module no class referring to it is ever loaded.
    private static Kernels newVectorKernels(int threads) {
        try {
            return (Kernels) Class.forName("dev.jnn.core.kernel.VectorKernels").getDeclaredConstructor(int.class)
                    .newInstance(threads);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot create the Vector API kernels", e);
        }
    }
}
