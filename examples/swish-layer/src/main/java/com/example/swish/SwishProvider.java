package com.example.swish;

import dev.jnn.api.Layer;
import dev.jnn.api.spi.LayerProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.util.List;

/**
 * Makes {@link Swish} findable by the name {@code swish}: listed in
 * {@code META-INF/services/dev.jnn.api.spi.LayerProvider}.
 */
public final class SwishProvider implements LayerProvider {
    @Override
    public String name() {
        return "swish";
    }

    @Override
    public String description() {
        return "swish/SiLU activation: y = x * sigmoid(beta * x) (example plugin)";
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.number("beta", 1.0, "sharpness; 1 gives SiLU"));
    }

    @Override
    public Layer create(Settings settings) {
        settings.require(settings.getDouble("beta") > 0, "beta", "greater than 0");
        return new Swish(settings.getDouble("beta"));
    }
}
