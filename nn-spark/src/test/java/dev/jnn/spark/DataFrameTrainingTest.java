package dev.jnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Model;
import dev.jnn.api.data.DataSplit;
import dev.jnn.api.data.Dataset;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.History;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark data source: a CSV or Parquet table the executors read, partition by partition. */
class DataFrameTrainingTest extends LocalSparkTest {
    static final String RUN = """
            seed: 5
            data: { name: spark, path: train.FORMAT, format: FORMAT, label: label, test_path: test.FORMAT }
            model:
              defaults: { activation: tanh, init: xavier_uniform }
              layers:
                - { type: dense, units: 32 }
                - { type: dense, units: 3, activation: identity }
            loss: softmax_cross_entropy
            optimizer: { type: adam, lr: 0.05 }
            train: { epochs: 2, batch: 64 }
            """;

    static DataSplit spirals;

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeTables() throws IOException {
        spirals = RunSpec.bind(engine, RunFiles.parseYaml(SparkTrainingTest.RUN.replace("OPTIMIZER", "sgd"), "s.yaml"), "s.yaml",
                Path.of("")).loadData();
        write(spirals.train(), dir.resolve("train.csv"));
        write(spirals.test(), dir.resolve("test.csv"));
        SparkSession session = SparkSession.active();
        for (String part : List.of("train", "test")) {
            session.read().option("header", "true").option("inferSchema", "true").csv(dir.resolve(part + ".csv").toString())
                    .write().parquet(dir.resolve(part + ".parquet").toString());
        }
    }

    static void write(Dataset data, Path file) throws IOException {
        StringBuilder csv = new StringBuilder("x0,x1,label\n");
        float[] x = data.features().data();
        float[] y = data.targets().data();
        for (int r = 0; r < data.size(); r++) {
            csv.append(String.format(Locale.ROOT, "%s,%s,%d%n", Float.toString(x[2 * r]), Float.toString(x[2 * r + 1]), (int) y[r]));
        }
        Files.writeString(file, csv);
    }

    static RunSpec spec(String format) {
        return RunSpec.bind(engine, RunFiles.parseYaml(RUN.replace("FORMAT", format), "frame.yaml"), "frame.yaml", dir);
    }

    /**
     * The CSV read in 4 KB splits (several partitions, rows in file order) trains as the same rows do in
     * this process with the same batches: within the order of float summation.
     */
    @Test
    void aCsvTableInSeveralPartitionsTrainsAsOneMachineDoes() {
        SparkSession.active().conf().set("spark.sql.files.maxPartitionBytes", "4096");
        SparkSession.active().conf().set("spark.sql.files.openCostInBytes", "0");
        try {
            RunSpec spec = spec("csv");
            DataFrameSource table = new DataFrameSource(dir.resolve("train.csv").toString(), "csv", "label", List.of(),
                    dir.resolve("test.csv").toString(), true);
            int partitions = Shard.partition(SparkSession.active(), spec, table).count();
            assertTrue(partitions >= 3, "the table is read in " + partitions + " partitions");
            Model model = spec.newModel(new int[] {2});
            History here = spec.trainer(model, spec.newLoss()).build().fit(spirals.train(), spirals.test());
            RunResult there = new Runner(cluster::trainingData).run("there", spec, List.of());
            for (int e = 0; e < 2; e++) {
                assertEquals(here.epochs().get(e).trainLoss(), there.history().epochs().get(e).trainLoss(), 1e-5);
                assertEquals(here.epochs().get(e).validationLoss(), there.history().epochs().get(e).validationLoss(), 1e-5);
            }
            float[] a = model.parameters().get(0).value().data();
            float[] b = there.trained().parameters().get(0).value().data();
            for (int i = 0; i < a.length; i++) {
                assertEquals(a[i], b[i], 1e-4 * Math.max(Math.abs(a[i]), 1e-3), "weight " + i);
            }
        } finally {
            SparkSession.active().conf().unset("spark.sql.files.maxPartitionBytes");
            SparkSession.active().conf().unset("spark.sql.files.openCostInBytes");
        }
    }

    @Test
    void aParquetTableTrains() {
        RunResult run = new Runner(cluster::trainingData).run("parquet", spec("parquet"), List.of());
        assertTrue(run.history().last().trainLoss() < run.history().epochs().get(0).trainLoss());
        assertTrue(run.data().startsWith("Spark parquet "), run.data());
    }

    @Test
    void aMissingColumnIsNamedWithTheColumnsTheTableHas() {
        RunSpec spec = RunSpec.bind(engine, RunFiles.parseYaml(RUN.replace("FORMAT", "csv").replace("label: label", "label: digit"),
                "frame.yaml"), "frame.yaml", dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Runner(cluster::trainingData)
                .run("bad", spec, List.of()));
        assertEquals("data source 'spark': " + dir.resolve("train.csv") + " has no label column 'digit'; its columns: [x0, x1, label]",
                e.getMessage());
    }
}
