package com.example.swish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.spi.Providers;
import dev.jnn.core.check.GradientCheck;
import dev.jnn.core.check.GradientCheckResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SwishTest {
    private static final Providers PROVIDERS = Providers.load(SwishTest.class.getClassLoader());


    @Test
    void backwardMatchesFiniteDifferences() {
        GradientCheckResult result = GradientCheck.layer(new Swish(1.5)).inputShape(6).batch(4).run().assertPassed();
        assertTrue(result.worstRelativeError() < 1e-3, result.toString());
    }

    @Test
    void isFoundByNameThroughItsServiceFile() {
        assertEquals("swish", PROVIDERS.layer("swish", Map.of("beta", 2)).type());
    }
}
