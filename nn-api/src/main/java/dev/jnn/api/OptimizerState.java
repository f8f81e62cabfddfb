package dev.jnn.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer's saved state: its step count, its named buffers keyed {@code "parameterName/buffer"}
 * (such as {@code "0.dense.weight/exp_avg"}), and each parameter's own step count keyed by parameter
 * name (PyTorch's {@code state[p]["step"]}). A state taken before the first step has no buffers and
 * loads as a fresh start.
 */
public record OptimizerState(long step, Map<String, float[]> buffers, Map<String, Long> parameterSteps) {

    public OptimizerState {
        Map<String, float[]> copy = new LinkedHashMap<>();
        buffers.forEach((key, values) -> copy.put(key, values.clone()));
        buffers = Collections.unmodifiableMap(copy);
        parameterSteps = Collections.unmodifiableMap(new LinkedHashMap<>(parameterSteps));
    }

    /** A state whose parameters all took {@code step} steps (or none, without buffers). */
    public OptimizerState(long step, Map<String, float[]> buffers) {
        this(step, buffers, Map.of());
    }
}
