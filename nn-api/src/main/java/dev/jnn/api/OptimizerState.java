package dev.jnn.api;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An optimizer's saved state: its step count and named buffers, keyed {@code "parameterName/buffer"}
 * (such as {@code "0.dense.weight/exp_avg"}).
 */
public record OptimizerState(long step, Map<String, float[]> buffers) {

    public OptimizerState {
        Map<String, float[]> copy = new LinkedHashMap<>();
        buffers.forEach((key, values) -> copy.put(key, values.clone()));
        buffers = java.util.Collections.unmodifiableMap(copy);
    }
}
