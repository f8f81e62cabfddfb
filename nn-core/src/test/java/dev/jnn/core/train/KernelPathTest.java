package dev.jnn.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.core.Engine;
import org.junit.jupiter.api.Test;

/** The suite runs twice (see nn-core's pom): this proves each run is on the path it claims. */
class KernelPathTest {
    @Test
    void theKernelsAreThoseTheRunAskedFor() {
        String asked = System.getProperty("jnn.kernels", "auto");
        String running = Engine.shared().kernels().name();
        if (asked.equals("scalar")) {
            assertEquals("scalar", running);
        } else {
            assertTrue(running.startsWith("vector"), running);
        }
    }
}
