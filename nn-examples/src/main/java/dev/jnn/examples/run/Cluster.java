package dev.jnn.examples.run;

import dev.jnn.api.data.DataSplit;
import dev.jnn.core.config.RunSpec;
import dev.jnn.core.train.GradientSource;
import java.util.List;
import java.util.ServiceLoader;

/**
 * A cluster that runs a comparison's variants and computes training gradients on its machines:
 * {@code jnn compare --spark MASTER} and {@code jnn train --spark MASTER}. The nn-spark module
 * provides the one implementation (through {@link java.util.ServiceLoader}), so that the command line
 * itself never needs Spark on its class path.
 */
public interface Cluster extends AutoCloseable {

    /** How a variant ended: its result, or why it failed for good (its task's retries used up). */
    record Outcome(RunResult result, String failure) {
    }

    /** What the cluster is, for the command's first line: {@code "Spark 4.1.0, local[2]"}. */
    String description();

    /**
     * Runs every variant as one task on the cluster and returns the outcomes in the variants' order:
     * the same numbers, bit for bit, as running them here.
     */
    List<Outcome> runAll(List<Variants.Variant> variants);

    /**
     * The training data of {@code spec}, partitioned over the cluster: each step's gradients are
     * computed where the rows are and summed into the driver's model.
     */
    GradientSource trainingData(RunSpec spec, DataSplit data);

    @Override
    void close();

    /** Connects to clusters of one kind; found by {@link java.util.ServiceLoader}. */
    interface Provider {
        Cluster connect(String master);
    }

    /**
     * Connects to {@code master} with the provider on the class path.
     *
     * @throws IllegalArgumentException when there is none: the nn-spark module is not on the class path
     */
    static Cluster connect(String master) {
        for (Provider provider : ServiceLoader.load(Provider.class, Cluster.class.getClassLoader())) {
            return provider.connect(master);
        }
        throw new IllegalArgumentException("--spark " + master + ": Spark is not on the class path; the nn-spark module"
                + " provides it (./jnn adds it when --spark is given; with java -jar, use nn-spark/target/jnn-spark.jar"
                + " and the jars in nn-spark/target/lib)");
    }
}
