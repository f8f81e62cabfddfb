package dev.jnn.core.data;

import dev.jnn.api.Tensor;
import dev.jnn.api.data.DataSource;
import dev.jnn.api.data.DataSplit;
import dev.jnn.api.data.Dataset;
import dev.jnn.api.spi.DataSourceProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.util.List;

/**
 * A data source as a user's plugin would write one, registered only in this module's test resources:
 * points on the line y = slope * x, x = 0, 1, ..., samples - 1.
 */
public final class LineDataSourceProvider implements DataSourceProvider {
    public String name() { return "test_line"; }
    public String description() { return "points on y = slope * x"; }
    public List<Setting> settings() {
        return List.of(Setting.integer("samples", 10, "points"), Setting.number("slope", 2, "slope"));
    }
    public DataSource create(Settings s) {
        s.require(s.getInt("samples") >= 2, "samples", "at least 2");
        return context -> {
            int n = s.getInt("samples");
            float[] x = new float[n];
            float[] y = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = i;
                y[i] = (float) (s.getDouble("slope") * i);
            }
            Dataset all = new Dataset(Tensor.of(x, n, 1), Tensor.of(y, n, 1));
            return new DataSplit(all.slice(0, n - 1), all.slice(n - 1, n), "line of " + n + " points");
        };
    }
}
