package dev.jnn.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Parameter;
import dev.jnn.core.Engine;
import dev.jnn.core.config.RunSpec;
import dev.jnn.examples.run.Cluster;
import dev.jnn.examples.run.RunResult;
import dev.jnn.examples.run.Runner;
import dev.jnn.examples.run.Variants;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
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
    static final List<Process> daemons = new ArrayList<>();
    static Path logs;
    static SparkCluster cluster;
    static Engine engine;

    @BeforeAll
    static void startCluster() throws Exception {
        Path jar = TARGET.resolve("jnn-spark.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is built by mvn package, before this test");
        Path home = Files.createTempDirectory("spark-home");
        Path jars = Files.createDirectories(home.resolve("jars"));
        try (Stream<Path> lib = Files.list(TARGET.resolve("lib"))) {
            for (Path j : lib.toList()) {
                Files.createSymbolicLink(jars.resolve(j.getFileName()), j);
            }
        }
        logs = Files.createDirectories(TARGET.resolve("standalone-cluster"));
        int masterPort = freePort();
        String master = "spark://127.0.0.1:" + masterPort;
        daemons.add(daemon(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(freePort())));
        waitForPort(masterPort, 60);
        daemons.add(daemon(home, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "2",
                "--memory", "1g", "--webui-port", String.valueOf(freePort()), "--work-dir", logs.resolve("work").toString(), master));
        SparkConf conf = new SparkConf().setMaster(master).setAppName("jnn-standalone-test")
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false").set("spark.executor.memory", "512m").set("spark.cores.max", "2")
                .set("spark.executor.extraJavaOptions", SparkFlags.EXECUTOR_JAVA_OPTIONS)
                .set("spark.jars", jar.toString());
        cluster = new SparkCluster(new JavaSparkContext(conf));
        engine = Engine.builder().threads(1).build();
    }

    @AfterAll
    static void stopCluster() throws InterruptedException {
        if (cluster != null) {
            cluster.close();
        }
        if (engine != null) {
            engine.close();
        }
        for (Process p : daemons) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
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

    /** A Spark daemon in a JVM of its own, its output in target/standalone-cluster/NAME.log. */
    private static Process daemon(Path home, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", home.resolve("jars") + "/*"));
        command.addAll(List.of(SparkFlags.EXECUTOR_JAVA_OPTIONS.split(" ")));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");          // else executors die: "Cannot find any build directories"
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void waitForPort(int port, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Spark master did not listen on port " + port + " within " + seconds + " s; see " + logs);
    }
}
