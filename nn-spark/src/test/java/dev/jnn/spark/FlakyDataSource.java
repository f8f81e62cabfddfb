package dev.jnn.spark;

import dev.jnn.api.data.DataSource;
import dev.jnn.api.spi.DataSourceProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import dev.jnn.core.data.Synthetic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test data source that fails its first {@code failures} loads (counted in a file, since each
 * attempt of a task deserializes its own objects), then gives a small spirals split.
 */
public final class FlakyDataSource implements DataSourceProvider {
    @Override
    public String name() {
        return "flaky";
    }

    @Override
    public String description() {
        return "spirals that fail to load the first few times (a test's)";
    }

    @Override
    public List<Setting> settings() {
        return List.of(Setting.text("counter", null, "file counting the loads"), Setting.integer("failures", 1, "loads that fail"));
    }

    @Override
    public DataSource create(Settings s) {
        return context -> {
            Path counter = Path.of(s.getString("counter"));
            try {
                int loads = Files.exists(counter) ? Integer.parseInt(Files.readString(counter).trim()) + 1 : 1;
                Files.writeString(counter, String.valueOf(loads));
                if (loads <= s.getInt("failures")) {
                    throw new UncheckedIOException(new IOException("flaky read " + loads + " of " + counter));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            var all = Synthetic.spirals(300, 3, 0.2, context.seed());
            return new dev.jnn.api.data.DataSplit(all.slice(0, 240), all.slice(240, 300), "flaky spirals");
        };
    }
}
