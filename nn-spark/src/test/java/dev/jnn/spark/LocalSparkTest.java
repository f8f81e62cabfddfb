package dev.jnn.spark;

import dev.jnn.core.Engine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Tests that run on Spark {@code local[2]} (two executor threads in this JVM) and bind runs to an engine
 * of 2 threads: one Spark context per test class, as Spark allows one per JVM at a time.
 */
abstract class LocalSparkTest {
    static SparkCluster cluster;
    static Engine engine;

    @BeforeAll
    static void startSpark() {
        cluster = new SparkCluster("local[2]");
        engine = Engine.builder().threads(2).build();
    }

    @AfterAll
    static void stopSpark() {
        cluster.close();
        engine.close();
    }
}
