package dev.jnn.core.model;

import dev.jnn.api.Model;
import dev.jnn.api.spi.ModelProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.util.List;

/** {@code sequential}: an empty {@link Sequential} to add layers to. */
public final class SequentialProvider implements ModelProvider {
    @Override
    public String name() {
        return "sequential";
    }

    @Override
    public String description() {
        return "layers applied one after another";
    }

    @Override
    public List<Setting> settings() {
        return List.of();
    }

    @Override
    public Model create(Settings settings) {
        return new Sequential();
    }
}
