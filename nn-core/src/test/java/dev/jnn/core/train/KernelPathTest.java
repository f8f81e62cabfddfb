package dev.jnn.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.core.kernel.Kernels;
import org.junit.jupiter.api.Test;

/** The suite runs twice (see nn-core's pom): this proves each run is on the path it claims. */
class KernelPathTest {
    @Test
    void theKernelsAreThoseTheRunAskedFor() {
        String asked = System.getProperty("jnn.kernels", "auto");
        if (asked.equals("scalar")) {
            assertEquals("scalar", Kernels.get().name());
        } else {
            assertTrue(Kernels.get().name().startsWith("vector"), Kernels.get().name());
        }
    }
}
