package dev.jnn.core.minimize;

import dev.jnn.api.Objective;
import dev.jnn.api.spi.ObjectiveProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.util.List;

/**
 * The built-in functions to minimize, listed in {@code META-INF/services/dev.jnn.api.spi.ObjectiveProvider}.
 * <pre>
 *   square       y = (x + offset)²                       from x = start; minimum at -offset
 *   rosenbrock   y = (a - x)² + b (y - x²)²               from (start_x, start_y); minimum at (a, a²)
 * </pre>
 */
public final class ObjectiveProviders {
    private ObjectiveProviders() {
    }

    public static final class SquareProvider implements ObjectiveProvider {
        public String name() { return "square"; }
        public String description() { return "y = (x + offset)^2, the first article's example: from x = 3 to x = -2"; }
        public List<Setting> settings() {
            return List.of(Setting.number("offset", 2, "the minimum is at x = -offset"), Setting.number("start", 3, "the starting x"));
        }
        public Objective create(Settings s) {
            double offset = s.getDouble("offset");
            float start = (float) s.getDouble("start");
            return new Objective() {
                public String type() { return "square"; }
                public float[] start() { return new float[] {start}; }
                public float[] minimum() { return new float[] {(float) -offset}; }
                public double value(float[] x) { return (x[0] + offset) * (x[0] + offset); }
                public void gradient(float[] x, float[] g) { g[0] = (float) (2 * (x[0] + offset)); }
            };
        }
    }

    public static final class RosenbrockProvider implements ObjectiveProvider {
        public String name() { return "rosenbrock"; }
        public String description() { return "the Rosenbrock valley (a - x)^2 + b (y - x^2)^2, from (-1.5, 2) to (a, a^2)"; }
        public List<Setting> settings() {
            return List.of(Setting.number("a", 1, "the minimum is at (a, a^2)"), Setting.number("b", 100, "the steepness of the valley's walls"),
                    Setting.number("start_x", -1.5, "starting x"), Setting.number("start_y", 2, "starting y"));
        }
        public Objective create(Settings s) {
            double a = s.getDouble("a");
            double b = s.getDouble("b");
            s.require(b > 0, "b", "greater than 0");
            float sx = (float) s.getDouble("start_x");
            float sy = (float) s.getDouble("start_y");
            return new Objective() {
                public String type() { return "rosenbrock"; }
                public float[] start() { return new float[] {sx, sy}; }
                public float[] minimum() { return new float[] {(float) a, (float) (a * a)}; }
                public double value(float[] p) {
                    double x = p[0];
                    double y = p[1];
                    return (a - x) * (a - x) + b * (y - x * x) * (y - x * x);
                }
                public void gradient(float[] p, float[] g) {
                    double x = p[0];
                    double y = p[1];
                    g[0] = (float) (-2 * (a - x) - 4 * b * x * (y - x * x));
                    g[1] = (float) (2 * b * (y - x * x));
                }
            };
        }
    }
}
