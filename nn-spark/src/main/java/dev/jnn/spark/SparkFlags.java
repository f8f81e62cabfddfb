package dev.jnn.spark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** The JVM options and jar an executor needs to run jnn. */
final class SparkFlags {
    private SparkFlags() {
    }

    /** The Vector API module (jnn's fast kernels), and the --add-opens flags Spark documents for JDK 17. */
    static final String EXECUTOR_JAVA_OPTIONS = "--add-modules jdk.incubator.vector"
            + " --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
            + " --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED"
            + " --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED"
            + " --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
            + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED"
            + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED"
            + " --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
            + " -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true";

    /**
     * The jar that holds jnn's classes for the executors: {@code jnn-spark.jar}, which the build puts
     * beside this module's classes and jar (and which is this class's own jar when the launcher runs it).
     */
    static Optional<String> applicationJar() {
        try {
            Path own = Path.of(SparkFlags.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path app = own.resolveSibling("jnn-spark.jar");
            return Files.isRegularFile(app) ? Optional.of(app.toString()) : Optional.empty();
        } catch (java.net.URISyntaxException | SecurityException e) {
            return Optional.empty();           // no jar to ship: spark.jars must be given
        }
    }
}
