package dev.jnn.core.minimize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Objective;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.Engine;
import dev.jnn.core.minimize.Minimizer.Descent;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Gradient descent on y = (x + 2)² and the Rosenbrock valley, against the closed forms. */
class MinimizerTest {
    private static final Providers PROVIDERS = Engine.shared().providers();

    @Test
    void sgdOnTheSquareFollowsItsClosedForm() {
        Objective square = PROVIDERS.objectives().create("square", Map.of());
        Descent d = Minimizer.run(square, "sgd", PROVIDERS.optimizer("sgd", Map.of("lr", 0.1)), 1000, 1e-3);
        // x_t + 2 = 5 · 0.8^t: below 1e-3 first at t = 39
        assertEquals(39, d.reached());
        for (int t = 0; t < 10; t++) {
            assertEquals(-2 + 5 * Math.pow(0.8, t), d.path().get(t)[0], 1e-5, "x at step " + t);
        }
        assertEquals(25.0, d.values().get(0), 1e-12);
    }

    @Test
    void theRosenbrockGradientIsRightAndMomentumFindsTheValleysEnd() {
        Objective rosenbrock = PROVIDERS.objectives().create("rosenbrock", Map.of());
        float[] g = new float[2];
        rosenbrock.gradient(new float[] {-1.5f, 2f}, g);
        assertEquals(-2 * 2.5 - 4 * 100 * -1.5 * (2 - 2.25), g[0], 1e-3);   // -155
        assertEquals(2 * 100 * (2 - 2.25), g[1], 1e-4);                       // -50
        assertEquals(6.25 + 100 * 0.0625, rosenbrock.value(new float[] {-1.5f, 2f}), 1e-9);
        Descent d = Minimizer.run(rosenbrock, "momentum", PROVIDERS.optimizer("momentum", Map.of("lr", 0.001)), 5000, 1e-3);
        assertTrue(d.reached() > 0 && d.reached() < 5000, "reached at " + d.reached());
    }
}
