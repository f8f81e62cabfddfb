package dev.jnn.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.data.DataSplit;
import dev.jnn.core.config.ConfigException;
import dev.jnn.core.config.RunFiles;
import dev.jnn.core.config.RunSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Data sources are providers: the built-in ones and a plugin's are named, set and checked alike. */
class DataSourcesTest {
    private static final String MODEL = """
            model: { layers: [ { type: dense, units: 1 } ] }
            loss: mse
            optimizer: { type: sgd }
            """;

    private static RunSpec bind(String data) {
        Map<String, Object> tree = RunFiles.parseYaml("data: " + data + "\n" + MODEL, "run.yaml");
        return RunSpec.bind(tree, "run.yaml");
    }

    @Test
    void aPluginDataSourceIsFoundByNameWithItsSettings() {
        DataSplit split = bind("{ name: test_line, samples: 5, slope: 3 }").loadData();
        assertEquals(4, split.train().size());
        assertEquals(12f, split.test().targets().data()[0]);
        assertEquals("line of 5 points", split.description());
        assertEquals("run.yaml: data.samples: data source 'test_line': setting 'samples' must be at least 2, got 1",
                assertThrows(ConfigException.class, () -> bind("{ name: test_line, samples: 1 }")).getMessage());
    }

    @Test
    void theBuiltInSourcesAreProvidersToo() {
        List<String> names = dev.jnn.core.Engine.shared().providers().dataSources().names();
        assertTrue(names.containsAll(List.of("blobs", "csv", "mnist", "spirals", "teacher", "xor")), names.toString());
        assertEquals(1600, bind("{ name: spirals }").loadData().train().size());
        assertEquals("run.yaml: data.colour: data source 'xor': setting 'colour' is unknown; data source 'xor' accepts: none",
                assertThrows(ConfigException.class, () -> bind("{ name: xor, colour: red }")).getMessage());
    }

    @Test
    void aCsvSortedByClassIsHeldOutAtRandomUnlessShuffleIsOff(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("sorted.csv"), "x,label\n" + "1,a\n".repeat(50) + "2,b\n".repeat(50));
        Path run = dir.resolve("run.yaml");
        Files.writeString(run, "data: { name: csv, path: sorted.csv, label: label }\n" + MODEL);
        DataSplit shuffled = RunSpec.load(run, List.of()).loadData();
        float[] test = shuffled.test().targets().data();
        assertEquals(20, test.length);
        assertTrue(java.util.stream.IntStream.range(0, 20).mapToDouble(i -> test[i]).distinct().count() == 2,
                "both classes are held out: " + java.util.Arrays.toString(test));
        DataSplit again = RunSpec.load(run, List.of()).loadData();
        assertTrue(again.test().targets().contentEquals(shuffled.test().targets()), "the same seed holds out the same rows");
        DataSplit inOrder = RunSpec.load(run, List.of("data.shuffle=false")).loadData();
        assertTrue(java.util.stream.IntStream.range(0, 20).allMatch(i -> inOrder.test().targets().data()[i] == 1f),
                "shuffle: false holds out the last rows, in file order");
    }

    @Test
    void aCsvPathIsTakenFromTheRunFilesFolder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("points.csv"), "a,b,label\n1,2,x\n3,4,y\n5,6,x\n7,8,y\n9,10,x\n");
        Path run = dir.resolve("run.yaml");
        Files.writeString(run, "data: { name: csv, path: points.csv, label: label }\n" + MODEL);
        DataSplit split = RunSpec.load(run, List.of()).loadData();
        assertEquals(4, split.train().size());
        assertEquals(2, split.train().features().columns());
    }
}
