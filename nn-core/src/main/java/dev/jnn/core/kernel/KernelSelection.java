package dev.jnn.core.kernel;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the kernels once per JVM, and says which in one log line.
 *
 * <p>The system property {@code jnn.kernels} ({@code scalar} or {@code vector}) forces a choice;
 * tests use it to run the same checks on both paths.
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
     * The kernels for a setting: {@code scalar}, or {@code auto}.
     *
     * @throws IllegalArgumentException for another name
     */
    public static Kernels choose(String setting) {
        return switch (setting) {
            case "scalar", "auto" -> new ScalarKernels();
            default -> throw new IllegalArgumentException("jnn.kernels must be auto or scalar, got '" + setting + "'");
        };
    }
}
