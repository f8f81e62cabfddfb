package dev.jnn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Parameter;
import dev.jnn.core.Engine;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.BatchEnd;
import dev.jnn.core.train.TrainingListener;
import dev.jnn.examples.run.Cluster;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import dev.jnn.examples.run.Variants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real Spark standalone cluster: a master and a worker started as JVMs of their own on 127.0.0.1,
 * with a Spark home made of the jars this module's build collected (as an installation has them), and
 * a driver here that ships {@code jnn-spark.jar} to the executors the worker launches, as
 * {@code jnn --spark spark://host:7077} does. A sweep and a synchronous training run on it and are
 * checked against the same runs in this JVM. Runs after {@code package} (Maven's failsafe plugin),
 * since it needs the jars.
 */
class StandaloneClusterIT {
    static final Path TARGET = Path.of("target").toAbsolutePath();
    static StandaloneCluster standalone;
    static SparkCluster cluster;
    static Engine engine;

    @BeforeAll
    static void startCluster() throws Exception {
        Path jar = TARGET.resolve("jnn-spark.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is built by mvn package, before this test");
        standalone = new StandaloneCluster(TARGET.resolve("lib"), TARGET.resolve("standalone-cluster"), 2);
        SparkConf conf = standalone.driverConf("jnn-standalone-test", jar)
                .set("spark.executor.memory", "512m").set("spark.cores.max", "2");
        cluster = new SparkCluster(new JavaSparkContext(conf));
        engine = Engine.builder().threads(1).build();
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
        if (engine != null) {
            engine.close();
        }
        if (standalone != null) {
            standalone.close();
        }
    }

    @Test
    void aSweepOnTheClusterGivesTheLocalNumbersBitForBit() throws IOException {
        Path file = Files.createTempDirectory("run").resolve("spirals.yaml");
        Files.writeString(file, SparkSweepTest.RUN);
        List<Variants.Variant> variants = Variants.expand(engine, List.of(file), List.of(), List.of("optimizer.type=sgd,adam"), 2);
        List<Cluster.Outcome> remote = cluster.runAll(variants);
        for (int i = 0; i < variants.size(); i++) {
            Variants.Variant v = variants.get(i);
            assertNull(remote.get(i).failure(), v.label());
            RunResult here = new Runner().run(v.label(), v.spec(), List.of());
            RunResult there = remote.get(i).result();
            for (int e = 0; e < here.history().epochs().size(); e++) {
                assertEquals(here.history().epochs().get(e).trainLoss(), there.history().epochs().get(e).trainLoss(), 0);
                assertEquals(here.history().epochs().get(e).validationLoss(), there.history().epochs().get(e).validationLoss(), 0);
            }
            assertEquals(here.layers(), there.layers());
            List<Parameter> p = here.trained().parameters();
            for (int k = 0; k < p.size(); k++) {
                assertArrayEquals(p.get(k).value().data(), there.trained().parameters().get(k).value().data());
            }
        }
        System.out.println("standalone cluster: " + cluster.description() + ", sweep of " + variants.size() + " runs bit-identical");
    }

    @Test
    void synchronousTrainingOnTheClusterMatchesOneMachine() {
        RunSpec spec = RunSpec.bind(engine, dev.jnn.core.config.RunFiles.parseYaml(SparkTrainingTest.RUN.replace("OPTIMIZER", "adam"),
                "test.yaml"), "test.yaml", Path.of(""));
        RunResult here = new Runner().run("here", spec, List.of());
        RunResult there = new Runner(cluster::trainingData).run("there", spec, List.of());
        double worst = SparkTrainingTest.worstRelativeDifference(here, there);
        assertTrue(worst <= 1e-4, "worst relative difference " + worst);
        System.out.println("standalone cluster: 20 Adam steps on " + cluster.description() + ", worst relative weight difference " + worst);
    }

    /**
     * The executor dies after step 5 (killed, as a machine that fails): Spark runs the next step's tasks
     * again on the executor the worker launches instead, which reads its partitions again, and the
     * training ends as it would have (within 1e-4 of one machine).
     */
    @Test
    void aLostExecutorCostsOnlyRetriedTasks() {
        RunSpec spec = RunSpec.bind(engine, dev.jnn.core.config.RunFiles.parseYaml(SparkTrainingTest.RUN.replace("OPTIMIZER", "adam"),
                "test.yaml"), "test.yaml", Path.of(""));
        long[] killed = {0};
        TrainingListener killer = new TrainingListener() {
            @Override
            public void onBatchEnd(BatchEnd batch) {
                if (batch.epoch() == 1 && batch.batch() == 5) {
                    killed[0] = standalone.killExecutors();
                }
            }
        };
        RunResult here = new Runner().run("here", spec, List.of());
        RunResult there = new Runner(cluster::trainingData).run("there", spec, List.of(killer));
        assertEquals(1, killed[0], "one executor was killed");
        double worst = SparkTrainingTest.worstRelativeDifference(here, there);
        assertTrue(worst <= 1e-4, "worst relative difference " + worst);
        System.out.println("standalone cluster: executor killed after step 5 of 20; training finished, worst relative weight"
                + " difference " + worst);
    }
}
