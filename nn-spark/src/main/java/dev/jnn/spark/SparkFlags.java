package dev.jnn.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** The JVM options and jar an executor needs to run jnn. */
final class SparkFlags {
    private SparkFlags() {
    }

    /**
     * The Vector API module (jnn's fast kernels), and the flags Spark documents for JDK 17 (nn-spark's
     * pom.xml, {@code spark.jvm.flags}, copied into {@code jvm-flags.properties} by the build).
     */
    static final String EXECUTOR_JAVA_OPTIONS = "--add-modules jdk.incubator.vector " + sparkJvmFlags();

    private static String sparkJvmFlags() {
        Properties flags = new Properties();
        try (InputStream in = SparkFlags.class.getResourceAsStream("jvm-flags.properties")) {
            if (in == null) {
                throw new IllegalStateException("nn-spark: jvm-flags.properties is missing from the class path; rebuild nn-spark");
            }
            flags.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("nn-spark: cannot read jvm-flags.properties: " + e.getMessage(), e);
        }
        return flags.getProperty("spark.jvm.flags").trim();
    }

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
