package dev.jnn.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.core.Engine;
import dev.jnn.examples.run.Cluster;
import dev.jnn.examples.run.Variants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep's task that fails is retried by Spark; one that fails for good is reported by its variant's name. */
class TaskRetryTest {

    @Test
    void aTaskThatFailsOnceIsRetriedAndOneThatAlwaysFailsIsReportedByName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("flaky.yaml");
        Files.writeString(file, SparkSweepTest.RUN.replace("{ name: spirals, samples: 300, classes: 3, noise: 0.2 }",
                "{ name: flaky, counter: COUNTER, failures: FAILURES }").replace("COUNTER", dir.resolve("loads").toString()));
        try (Engine engine = Engine.builder().threads(1).build();
             SparkCluster cluster = new SparkCluster("local[2,2]")) {           // each task is tried at most twice
            List<Variants.Variant> variants = Variants.expand(engine, List.of(file), List.of(), List.of("data.failures=1,5"), 1);
            List<Cluster.Outcome> outcomes = cluster.runAll(variants.subList(0, 1));
            assertNull(outcomes.get(0).failure());
            assertNotNull(outcomes.get(0).result());
            assertEquals("2", Files.readString(dir.resolve("loads")), "the first attempt failed, the second trained");

            Files.delete(dir.resolve("loads"));
            Cluster.Outcome failed = cluster.runAll(variants.subList(1, 2)).get(0);
            assertNull(failed.result());
            assertTrue(failed.failure().startsWith("its task failed for good on the cluster: "), failed.failure());
            assertTrue(failed.failure().contains("flaky read 2 of "), failed.failure());
            assertEquals("2", Files.readString(dir.resolve("loads")), "tried twice");
        }
    }
}
