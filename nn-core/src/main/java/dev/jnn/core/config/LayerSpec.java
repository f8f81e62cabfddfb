package dev.jnn.core.config;

import dev.jnn.api.Layer;
import dev.jnn.api.spi.Providers;
import java.util.Map;

/** One entry of {@code model.layers}: a layer provider's name and its settings, already checked. */
public record LayerSpec(String type, Map<String, Object> settings) {

    /** A new layer, unbuilt, from {@code providers}. */
    public Layer create(Providers providers) {
        return providers.layer(type, settings);
    }
}
