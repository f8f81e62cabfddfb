package dev.jnn.spark;

import dev.jnn.api.data.DataSource;
import dev.jnn.api.spi.DataSourceProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * {@code data: { name: spark, path: ..., format: parquet, label: ..., test_path: ... }}: a table Spark
 * SQL reads on the cluster of {@code jnn train --spark MASTER} (see {@link DataFrameSource}).
 */
public final class SparkDataSourceProvider implements DataSourceProvider {
    static final String NAME = "spark";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "a CSV or Parquet table read by Spark SQL on the cluster (jnn train --spark)";
    }

    @Override
    public List<Setting> settings() {
        return List.of(
                Setting.text("path", null, "the training table: a file or folder, relative to the run file, or any URL Spark reads"),
                Setting.text("format", "parquet", "parquet or csv (with a header line)"),
                Setting.text("label", null, "the label column"),
                Setting.text("features", "", "the feature columns, comma-separated; every other column when empty"),
                Setting.text("test_path", null, "the held-out table, read to the driver for evaluation"),
                Setting.flag("classification", true, "labels are class indices 0, 1, ... (else numbers to regress)"));
    }

    @Override
    public DataSource create(Settings s) {
        return context -> {
            SparkSession spark = SparkSession.getActiveSession().getOrElse(() -> SparkSession.getDefaultSession().getOrElse(() -> null));
            if (spark == null) {
                throw new IllegalArgumentException("data source 'spark' is read by Spark SQL on a cluster: train with --spark MASTER"
                        + " (jnn train RUN_FILE --spark 'local[2]'); a comparison's runs (compare --spark) read their own data and"
                        + " cannot use it");
            }
            return DataFrameSource.of(s, context.base()).driverSplit(spark);
        };
    }
}
