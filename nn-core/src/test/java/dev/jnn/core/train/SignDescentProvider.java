package dev.jnn.core.train;

import dev.jnn.api.Optimizer;
import dev.jnn.api.OptimizerState;
import dev.jnn.api.Parameter;
import dev.jnn.api.spi.OptimizerProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.util.List;
import java.util.Map;

/**
 * An optimizer that exists only here, registered in src/test/resources/META-INF/services:
 * {@code p = p - lr * sign(g)}.
 */
public final class SignDescentProvider implements OptimizerProvider {
    public String name() { return "test_sign_descent"; }
    public String description() { return "test only: steps of fixed size against the gradient's sign"; }
    public List<Setting> settings() { return List.of(Setting.number("lr", 0.01, "step size")); }

    public Optimizer create(Settings settings) {
        float lr = (float) settings.getDouble("lr");
        return new Optimizer() {
            public String type() { return name(); }
            public void step(List<Parameter> parameters) {
                for (Parameter p : parameters) {
                    float[] w = p.value().data();
                    float[] g = p.gradient().data();
                    for (int i = 0; i < w.length; i++) {
                        w[i] -= lr * Math.signum(g[i]);
                    }
                }
            }
            public OptimizerState state() { return new OptimizerState(0, Map.of()); }
            public void loadState(OptimizerState state, List<Parameter> parameters) { }
        };
    }
}
