package dev.jnn.spark;

import dev.jnn.examples.run.Cluster;

/** What {@code --spark MASTER} finds through {@link java.util.ServiceLoader}. */
public final class SparkClusterProvider implements Cluster.Provider {
    @Override
    public Cluster connect(String master) {
        return new SparkCluster(master);
    }
}
