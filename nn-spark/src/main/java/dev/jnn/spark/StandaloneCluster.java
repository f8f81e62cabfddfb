package dev.jnn.spark;

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

/**
 * A Spark standalone cluster on this machine: a master and one worker, each a JVM of its own on
 * 127.0.0.1, with a Spark home whose {@code jars/} are the given jars (as an installation has them).
 * The executors the worker launches are JVMs of their own too. For the cluster test and the benchmark;
 * a real cluster is started with Spark's own scripts.
 */
public final class StandaloneCluster implements AutoCloseable {
    private final List<Process> daemons = new ArrayList<>();
    private final Path logs;
    private final String master;

    /**
     * @param jars  Spark's jars and their dependencies (this module's target/lib)
     * @param logs  where the daemons' logs and the worker's folder go
     * @param cores the worker's cores
     */
    public StandaloneCluster(Path jars, Path logs, int cores) throws IOException, InterruptedException {
        this.logs = Files.createDirectories(logs);
        Path home = Files.createTempDirectory("spark-home");
        Path homeJars = Files.createDirectories(home.resolve("jars"));
        try (Stream<Path> lib = Files.list(jars)) {
            for (Path jar : lib.toList()) {
                Files.createSymbolicLink(homeJars.resolve(jar.getFileName()), jar.toAbsolutePath());
            }
        }
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        try {
            daemons.add(daemon(home, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    String.valueOf(port), "--webui-port", String.valueOf(freePort())));
            waitForPort(port, 60);
            daemons.add(daemon(home, "worker", "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                    String.valueOf(cores), "--memory", "2g", "--webui-port", String.valueOf(freePort()), "--work-dir",
                    logs.resolve("work").toString(), master));
        } catch (IOException | InterruptedException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * A driver's settings for this cluster: its master, the driver on 127.0.0.1 too, no web UI, and
     * executors that run jnn from {@code jar} with the Vector API and the flags Spark needs on JDK 17.
     */
    public SparkConf driverConf(String appName, Path jar) {
        return new SparkConf().setMaster(master).setAppName(appName)
                .set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1")
                .set("spark.ui.enabled", "false")
                .set("spark.executor.extraJavaOptions", SparkFlags.EXECUTOR_JAVA_OPTIONS)
                .set("spark.jars", jar.toString());
    }

    /** {@code spark://127.0.0.1:PORT}. */
    public String master() {
        return master;
    }

    /**
     * Kills the executors the worker launched (as a machine that dies would lose them), and returns how
     * many it killed; the worker launches new ones for the application.
     */
    public long killExecutors() {
        Process worker = daemons.get(daemons.size() - 1);
        List<ProcessHandle> executors = worker.descendants().filter(p -> p.info().commandLine().orElse("")
                .contains("CoarseGrainedExecutorBackend")).toList();
        executors.forEach(ProcessHandle::destroyForcibly);
        return executors.size();
    }

    /** Stops the worker's executors, the worker and the master. */
    @Override
    public void close() {
        for (int i = daemons.size() - 1; i >= 0; i--) {          // the worker (and its executors) first
            Process p = daemons.get(i);
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        daemons.clear();
    }

    /** A Spark daemon in a JVM of its own, its output in {@code logs/NAME.log}. */
    private Process daemon(Path home, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", home.resolve("jars") + "/*"));
        command.addAll(List.of(SparkFlags.EXECUTOR_JAVA_OPTIONS.split(" ")));
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logs.resolve(name + ".log").toFile());
        builder.environment().put("SPARK_HOME", home.toString());
        builder.environment().put("SPARK_SCALA_VERSION", "2.13");      // else executors die: "Cannot find any build directories"
        builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void waitForPort(int port, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the Spark master did not listen on port " + port + " within " + seconds + " s; see "
                + logs.resolve("master.log"));
    }
}
