package dev.jnn.spark;

import dev.jnn.api.Tensor;
import dev.jnn.api.data.DataSplit;
import dev.jnn.api.data.Dataset;
import dev.jnn.api.spi.Settings;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The {@code spark} data source's table: feature columns and a label column of a CSV or Parquet file
 * (or folder of them) that Spark SQL reads, so that the training rows are read by the executors, each
 * its partitions, and never by the driver. The held-out rows ({@code test_path}) are read to the
 * driver, which evaluates on them after each epoch.
 *
 * @param features the feature columns, in order; every numeric column but the label when none are named
 */
record DataFrameSource(String path, String format, String label, List<String> features, String testPath, boolean classification)
        implements Serializable {

    /** From the {@code data} section's checked settings, relative paths taken from {@code base}. */
    static DataFrameSource of(Settings s, java.nio.file.Path base) {
        String format = s.getString("format");
        if (!format.equals("csv") && !format.equals("parquet")) {
            throw new IllegalArgumentException("data source 'spark': format must be csv or parquet, got '" + format + "'");
        }
        String features = s.getString("features");
        return new DataFrameSource(base.resolve(s.getString("path")).toString(), format, s.getString("label"),
                features.isBlank() ? List.of() : Arrays.stream(features.split(",")).map(String::trim).toList(),
                base.resolve(s.getString("test_path")).toString(), s.getBoolean("classification"));
    }

    /** The training table, lazily: nothing is read until a job runs. */
    org.apache.spark.sql.Dataset<Row> training(SparkSession spark) {
        return select(read(spark, path), path);
    }

    /** Rows of the training table the driver reads, to build and check the model with (not to train on). */
    static final int DRIVER_SAMPLE = 1024;

    /**
     * What the driver holds: the held-out rows, and only the first {@value #DRIVER_SAMPLE} training rows
     * (the executors read them all), so that the model can be built and checked against the labels.
     */
    DataSplit driverSplit(SparkSession spark) {
        org.apache.spark.sql.Dataset<Row> train = training(spark);
        int features = train.columns().length - 1;
        Dataset first = rows(train.limit(DRIVER_SAMPLE).collectAsList().iterator(), features, path);
        if (first == null) {
            throw new IllegalArgumentException("data source 'spark': " + path + " has no rows");
        }
        Dataset test = rows(select(read(spark, testPath), testPath).collectAsList().iterator(), features, testPath);
        if (test == null) {
            throw new IllegalArgumentException("data source 'spark': " + testPath + " (test_path) has no rows");
        }
        Map<String, Object> preprocessing = new LinkedHashMap<>();
        preprocessing.put("features", List.of(train.columns()).subList(0, features));
        preprocessing.put("label", label);
        return new DataSplit(first, test, "Spark " + format + " " + path + " (" + features + " features; training rows read by"
                + " the executors; " + test.size() + " held out from " + testPath + ")", preprocessing);
    }

    private org.apache.spark.sql.Dataset<Row> read(SparkSession spark, String file) {
        return spark.read().format(format).option("header", "true").option("inferSchema", "true").load(file);
    }

    /** The feature columns, then the label; every one must be numeric. */
    private org.apache.spark.sql.Dataset<Row> select(org.apache.spark.sql.Dataset<Row> table, String file) {
        StructType schema = table.schema();
        List<String> names = List.of(schema.fieldNames());
        if (!names.contains(label)) {
            throw new IllegalArgumentException("data source 'spark': " + file + " has no label column '" + label + "'; its columns: " + names);
        }
        List<String> chosen = new ArrayList<>(features.isEmpty() ? names.stream().filter(n -> !n.equals(label)).toList() : features);
        chosen.add(label);
        for (String column : chosen) {
            if (!names.contains(column)) {
                throw new IllegalArgumentException("data source 'spark': " + file + " has no column '" + column + "'; its columns: " + names);
            }
            StructField field = schema.apply(column);
            if (!(field.dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("data source 'spark': " + file + ": column '" + column + "' is " + field.dataType().simpleString()
                        + "; expected numbers");
            }
        }
        return table.selectExpr(chosen.stream().map(c -> "`" + c + "`").toArray(String[]::new));
    }

    /**
     * Rows of (features..., label) as a Dataset: features as floats, the label as a class index (a
     * whole number of at least 0) or, for a regression, a number. Null when there are none (an empty
     * partition: a Dataset has at least one row).
     */
    Dataset rows(Iterator<Row> rows, int featureCount, String where) {
        List<float[]> x = new ArrayList<>();
        List<Float> y = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            float[] features = new float[featureCount];
            for (int c = 0; c <= featureCount; c++) {
                if (row.isNullAt(c)) {
                    throw new IllegalArgumentException("data source 'spark': " + where + ": a row has no value in column " + c
                            + " (" + row.schema().fieldNames()[c] + ")");
                }
            }
            for (int c = 0; c < featureCount; c++) {
                features[c] = ((Number) row.get(c)).floatValue();
            }
            double target = ((Number) row.get(featureCount)).doubleValue();
            if (classification && (target < 0 || target != Math.rint(target))) {
                throw new IllegalArgumentException("data source 'spark': " + where + ": label " + target + " is not a class index"
                        + " (a whole number of at least 0); set classification: false to regress on it");
            }
            x.add(features);
            y.add((float) target);
        }
        if (x.isEmpty()) {
            return null;
        }
        float[] flat = new float[x.size() * featureCount];
        float[] targets = new float[x.size()];
        for (int r = 0; r < x.size(); r++) {
            System.arraycopy(x.get(r), 0, flat, r * featureCount, featureCount);
            targets[r] = y.get(r);
        }
        return new Dataset(Tensor.of(flat, x.size(), featureCount), Tensor.of(targets, x.size(), 1));
    }
}
