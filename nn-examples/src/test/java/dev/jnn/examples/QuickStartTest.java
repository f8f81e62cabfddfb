package dev.jnn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuickStartTest {

    @Test
    void theQuickStartLearnsTheSpirals() {
        assertTrue(QuickStart.run().accuracy() >= 0.95);
    }

    /** README.md shows the quick start's lines exactly, so that what users copy is what the build runs. */
    @Test
    void readmeShowsExactlyTheCompiledQuickStart() throws IOException {
        String source = Files.readString(Path.of("src/main/java/dev/jnn/examples/QuickStart.java"));
        String body = between(source, "// quick start begins\n", "        // quick start ends");
        String readme = Files.readString(Path.of("../README.md"));
        assertTrue(readme.contains(dedent(body)), "README.md's quick start differs from QuickStart.java:\n" + dedent(body));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start) + start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    private static String dedent(String block) {
        List<String> lines = Arrays.asList(block.split("\n", -1));
        return lines.stream().map(l -> l.startsWith("        ") ? l.substring(8) : l).collect(Collectors.joining("\n"));
    }
}
