package dev.jnn.core.kernel;

import com.sun.management.HotSpotDiagnosticMXBean;
import dev.jnn.api.Kernels;
import java.lang.management.ManagementFactory;

/**
 * Chooses an engine's kernels from a setting and from the hardware, and says why.
 *
 * <p>{@code auto} takes the Vector API kernels only when they will be fast, as Lucene's
 * vectorization provider decides: the {@code jdk.incubator.vector} module is readable, the JVM's
 * preferred vector is at least 128 bits (4 floats; narrower ones cost more than they give), and the
 * JVM uses fused multiply-add instructions ({@code -XX:+UseFMA}, on by default where the CPU has them;
 * without them a vector FMA is emulated, far slower than plain loops).
 *
 * @param kernels the kernels, to be closed with the engine (the Vector API ones own helper threads)
 * @param reason  one line for the log: which path runs and why
 */
public record KernelChoice(Kernels kernels, String reason) {

    /**
     * The kernels for a setting.
     *
     * @param setting {@code auto}, {@code vector} (fails when the Vector API cannot run) or {@code scalar}
     * @param threads the threads a product may use, at least 1
     * @throws IllegalArgumentException for another setting, a thread count below 1, or {@code vector}
     *                                  where it cannot run, saying why
     */
    public static KernelChoice choose(String setting, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("engine: threads must be at least 1, got " + threads);
        }
        String obstacle = vectorObstacle();
        return switch (setting) {
            case "scalar" -> new KernelChoice(new ScalarKernels(), "plain-Java kernels, as asked (kernels=scalar)");
            case "vector" -> {
                if (obstacle != null) {
                    throw new IllegalArgumentException("engine: kernels=vector cannot run: " + obstacle);
                }
                Kernels vector = newVectorKernels(threads);
                yield new KernelChoice(vector, vector.name() + " kernels, as asked (kernels=vector)");
            }
            case "auto" -> {
                if (obstacle != null) {
                    yield new KernelChoice(new ScalarKernels(), "plain-Java kernels, several times slower: " + obstacle);
                }
                Kernels vector = newVectorKernels(threads);
                yield new KernelChoice(vector, vector.name() + " kernels: the Vector API is enabled, the preferred vector is "
                        + preferredBits() + " bits and fused multiply-add is fast");
            }
            default -> throw new IllegalArgumentException("engine: kernels must be auto, vector or scalar, got '" + setting + "'");
        };
    }

    /** True when the incubator module is in the boot layer, so that this (unnamed) module reads it. */
    public static boolean vectorApiReadable() {
        return ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    }

    /** Why the Vector API kernels would not pay here, or null when they would. */
    static String vectorObstacle() {
        if (!vectorApiReadable()) {
            return "the Vector API is not enabled; add --add-modules jdk.incubator.vector to the java command";
        }
        int bits = preferredBits();
        if (bits < 128) {
            return "the JVM's preferred vector is " + bits + " bits, too narrow to pay (check -XX:MaxVectorSize and -XX:UseAVX)";
        }
        if (!fastFma()) {
            return "the JVM does not use fused multiply-add instructions (-XX:-UseFMA, or a CPU without them), so vector FMA would be emulated";
        }
        return null;
    }

    private static int preferredBits() {
        try {
            return (int) Class.forName("dev.jnn.core.kernel.VectorKernels").getDeclaredMethod("preferredBits").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot ask the Vector API for its preferred size", e);
        }
    }

    /** HotSpot's UseFMA flag; false where it cannot be read (another JVM), as FMA speed is then unknown. */
    static boolean fastFma() {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean != null && Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            return false;
        }
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
