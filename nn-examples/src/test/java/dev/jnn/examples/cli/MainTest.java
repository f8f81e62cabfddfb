package dev.jnn.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    static final Path SPIRALS = Path.of("../examples/spirals.yaml");

    @Test
    void compareTrainsEveryVariantPrintsATableAndWritesTheRunFolder(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("cmp");
        Cli.Result r = Cli.run("compare", SPIRALS.toString(), "--vary", "optimizer.type=sgd,adam", "--set", "train.epochs=3",
                "--seeds", "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("optimizer\\.type=sgd +2 .*")), r.out());
        assertTrue(r.out().contains(" ± "), "two seeds give mean ± spread:\n" + r.out());
        assertTrue(r.out().contains("report: " + out.resolve("report.html")), r.out());
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(1 + 2 * 2 * 3, csv.size(), "header + 2 variants x 2 seeds x 3 epochs");
        assertEquals(2 * 2 * 3, Files.readAllLines(out.resolve("metrics.jsonl")).size());
        assertEquals(1 + 2 * 2 * 3 * 3, Files.readAllLines(out.resolve("layers.csv")).size(), "three dense layers per epoch");
        assertEquals(4, Files.list(out.resolve("runs")).count(), "one resolved run file per run");
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("Held-out accuracy") && html.contains("Gradient norm by layer"), "report charts");
        assertEquals(count(html, "xmlns=\"http://www.w3.org/2000/svg\""), count(html, "http"),
                "nothing fetched: the only URLs are the SVG namespace names");
        assertFalse(Files.exists(tmp.resolve("cmp.partial")));
    }

    @Test
    void aComparisonReRunWithTheSameSeedGivesTheSameNumbers(@TempDir Path tmp) throws IOException {
        for (String run : List.of("a", "b")) {
            assertEquals(0, Cli.run("compare", SPIRALS.toString(), "--vary", "optimizer.type=momentum,rmsprop",
                    "--set", "train.epochs=2", "--out", tmp.resolve(run).toString()).code());
        }
        assertEquals(withoutTiming(tmp.resolve("a/metrics.csv")), withoutTiming(tmp.resolve("b/metrics.csv")));
        assertEquals(Files.readString(tmp.resolve("a/layers.csv")), Files.readString(tmp.resolve("b/layers.csv")));
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    /** The columns before seconds and samples/s. */
    private static List<String> withoutTiming(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> Arrays.stream(l.split(",")).limit(7).collect(Collectors.joining(","))).toList();
    }

    @Test
    void aBadRunFileIsBadUsageNamingFileKeyAndValueAndNothingRuns(@TempDir Path tmp) {
        Cli.Result r = Cli.run("compare", SPIRALS.toString(), "--set", "model.layers[1].units=ten", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: ../examples/spirals.yaml: model.layers[1].units: layer 'dense': setting 'units' "
                + "expected a whole number, got \"ten\""), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
        Cli.Result unknown = Cli.run("train", SPIRALS.toString(), "--set", "optimizer.type=adamm");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("optimizer.type: unknown optimizer 'adamm'; did you mean 'adam'? known optimizers: "
                + "adagrad, adam, adamw, momentum, nesterov, rmsprop, sgd"), unknown.err());
        assertEquals(2, Cli.run("compare", "--vary", "x").code(), "a missing run file is bad usage");
    }

    @Test
    void trainRunsOneFileAndSwapsTheOptimizerBySet(@TempDir Path tmp) throws IOException {
        Cli.Result r = Cli.run("train", "../examples/xor.yaml", "--set", "optimizer.type=rmsprop", "--set", "optimizer.lr=0.02",
                "--out", tmp.resolve("xor").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("test accuracy 100.00%"), r.out());
        assertTrue(Files.readString(tmp.resolve("xor/runs/01-rmsprop.yaml")).contains("type: \"rmsprop\""));
    }

    @Test
    void listShowsEveryProviderWithItsSettingsAndDefaults() {
        Cli.Result r = Cli.run("list");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("      lr (double, default 0.001): learning rate"), r.out());
        assertTrue(r.out().contains("  he_normal "), r.out());
        assertTrue(r.out().contains("      units (int, required): number of outputs"), r.out());
        assertEquals(2, Cli.run("list", "gizmos").code());
    }

    @Test
    void benchReportsThroughputAccuracyAndAllocationPerConfiguration() {
        Cli.Result r = Cli.run("bench", "--limit", "1024", "--optimizers", "sgd,adam", "--batches", "64", "--tsv");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("optimizer\tbatch\tsamples_per_s\tepoch_s\ttest_accuracy\tbytes_per_step", lines.get(0));
        assertEquals(3, lines.size(), r.out());
        for (String row : lines.subList(1, 3)) {
            String[] f = row.split("\t");
            assertTrue(Double.parseDouble(f[2]) > 0 && Double.parseDouble(f[4]) > 0.5, "learned the generated classes: " + row);
            assertEquals(0, Double.parseDouble(f[5]), "a warm training step allocates nothing: " + row);
        }
        assertEquals(2, Cli.run("bench", "--optimizers", "rmsprop").code());
    }

    @Test
    void gradcheckPassesTheBuiltInLayers() {
        Cli.Result r = Cli.run("gradcheck", "dense", "--set", "units=5", "--set", "activation=tanh");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("dense{units=5, activation=tanh}: gradient check passed"), r.out());
    }
}
