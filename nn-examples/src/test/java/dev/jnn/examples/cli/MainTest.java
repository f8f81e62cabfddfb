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
        try (var runs = Files.list(out.resolve("runs"))) {
            List<String> names = runs.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(4, names.stream().filter(n -> n.endsWith(".yaml")).count(), "one resolved run file per run: " + names);
            assertEquals(4, names.stream().filter(n -> n.endsWith(".safetensors")).count(), "one model file per run: " + names);
        }
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("\"title\":\"Held-out accuracy\"") && html.contains("Gradient norm by layer, last epoch"),
                "report charts");
        assertTrue(html.contains("<table class=\"results sortable\">"), "the results as an HTML table");
        assertFalse(java.util.regex.Pattern.compile("<(script|link|img|iframe)[^>]*\\b(src|href)\\s*=").matcher(html).find(),
                "nothing fetched: every script and style is inline");
        assertFalse(Files.exists(tmp.resolve("cmp.partial")));
    }

    @Test
    void sparkWithoutTheSparkModuleOnTheClassPathSaysWhereItIs(@TempDir Path tmp) {
        for (String command : new String[] {"compare", "train"}) {
            Cli.Result r = Cli.run(command, SPIRALS.toString(), "--spark", "local[2]", "--out", tmp.resolve(command).toString());
            assertEquals(2, r.code(), r.err());
            assertEquals("error: --spark local[2]: Spark is not on the class path; the nn-spark module provides it (./jnn adds it"
                    + " when --spark is given; with java -jar, use nn-spark/target/jnn-spark.jar and the jars in nn-spark/target/lib)\n",
                    r.err());
        }
    }

    @Test
    void trainWritesAModelFileThatPredictAndEvaluateRead(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("run");
        Cli.Result train = Cli.run("train", SPIRALS.toString(), "--set", "train.epochs=3", "--out", out.toString());
        assertEquals(0, train.code(), train.err());
        Path model = out.resolve("model.safetensors");
        assertTrue(train.out().contains("model: " + model), train.out());
        String accuracy = train.out().lines().filter(l -> l.startsWith("final:")).findFirst().orElseThrow()
                .replaceAll(".*test accuracy ([0-9.]+%).*", "$1");

        Cli.Result evaluate = Cli.run("evaluate", model.toString(), "--data", SPIRALS.toString());
        assertEquals(0, evaluate.code(), evaluate.err());
        assertTrue(evaluate.err().contains("400 samples: loss ") && evaluate.err().contains("accuracy " + accuracy),
                "the held-out split scores as in training (" + accuracy + "): " + evaluate.err());

        Path predictions = tmp.resolve("predictions.csv");
        Cli.Result predict = Cli.run("predict", model.toString(), "--data", SPIRALS.toString(), "--out", predictions.toString());
        assertEquals(0, predict.code(), predict.err());
        List<String> rows = Files.readAllLines(predictions);
        assertEquals("row,p0,p1,p2,predicted,label", rows.get(0));
        assertEquals(401, rows.size());
        String[] first = rows.get(1).split(",");
        double sum = Double.parseDouble(first[1]) + Double.parseDouble(first[2]) + Double.parseDouble(first[3]);
        assertEquals(1.0, sum, 1e-5, "class probabilities: " + rows.get(1));

        Path csv = tmp.resolve("points.csv");
        Files.writeString(csv, "x,y\n0.1,0.5\n-0.4,0.2\n");
        Cli.Result unlabelled = Cli.run("predict", model.toString(), "--data", csv.toString());
        assertEquals(0, unlabelled.code(), unlabelled.err());
        assertEquals(3, unlabelled.out().lines().count(), unlabelled.out());
        assertTrue(unlabelled.out().startsWith("row,p0,p1,p2,predicted\n"), unlabelled.out());

        Path broken = tmp.resolve("broken.safetensors");
        Files.write(broken, java.util.Arrays.copyOf(Files.readAllBytes(model), 100));
        Cli.Result refused = Cli.run("predict", broken.toString(), "--data", SPIRALS.toString());
        assertEquals(2, refused.code());
        assertTrue(refused.err().contains("error: " + broken + ": the header length is "), refused.err());
    }

    @Test
    void aCsvModelPredictsNewRowsStandardizedAsInTrainingAndAnswersInTheUsersLabels(@TempDir Path tmp) throws IOException {
        StringBuilder train = new StringBuilder("height,weight,species\n");
        java.util.Random random = new java.util.Random(3);
        for (int i = 0; i < 200; i++) {                      // sorted by class, on scales far from 0 and 1
            boolean big = i >= 100;
            train.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f,%s%n", (big ? 1200 : 1000) + 40 * random.nextGaussian(),
                    (big ? 90 : 60) + 5 * random.nextGaussian(), big ? "big cat" : "small cat"));
        }
        Files.writeString(tmp.resolve("cats.csv"), train);
        Files.writeString(tmp.resolve("cats.yaml"), """
                seed: 1
                data: { name: csv, path: cats.csv, label: species, standardize: true }
                model: { layers: [ { type: dense, units: 8, activation: tanh }, { type: dense, units: 2 } ] }
                loss: softmax_cross_entropy
                optimizer: { type: adam, lr: 0.05 }
                train: { epochs: 20, batch: 16 }
                """);
        Path run = tmp.resolve("run");
        assertEquals(0, Cli.run("train", tmp.resolve("cats.yaml").toString(), "--out", run.toString()).code());
        Files.writeString(tmp.resolve("new.csv"), "note,species,weight,height\nx,big cat,91,1210\ny,small cat,59,990\n");
        Cli.Result r = Cli.run("predict", run.resolve("model.safetensors").toString(), "--data", tmp.resolve("new.csv").toString());
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().toList();
        assertEquals("row,p0,p1,predicted,label", rows.get(0));
        assertTrue(rows.get(1).endsWith(",big cat,big cat") && rows.get(2).endsWith(",small cat,small cat"), r.out());
        assertTrue(r.err().contains("2 samples: loss ") && r.err().contains("accuracy 100.00%"), r.err());
        Files.writeString(tmp.resolve("odd.csv"), "species,weight,height\nlion,91,1210\n");
        Cli.Result odd = Cli.run("predict", run.resolve("model.safetensors").toString(), "--data", tmp.resolve("odd.csv").toString());
        assertEquals(2, odd.code());
        assertTrue(odd.err().contains("label 'lion' was not a class in training; the classes are [big cat, small cat]"), odd.err());
    }

    @Test
    void minimizeComparesOptimizersOnAFunctionAndDrawsTheirPaths(@TempDir Path tmp) throws IOException {
        Path out = tmp.resolve("min");
        Cli.Result r = Cli.run("minimize", "square", "--optimizers", "sgd,nesterov", "--lr", "0.1", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("sgd +39 .*")), "y = (x + 2)^2 from 3 with sgd lr 0.1: 39 steps\n" + r.out());
        Cli.Result valley = Cli.run("minimize", "rosenbrock", "--optimizers", "sgd,momentum", "--lr", "0.001", "--steps", "3000",
                "--out", tmp.resolve("valley").toString());
        assertEquals(0, valley.code(), valley.err());
        assertTrue(valley.out().lines().anyMatch(l -> l.matches("momentum +1677 .*")), valley.out());
        assertTrue(Files.readString(tmp.resolve("valley/report.html")).contains("path in the plane"));
        assertEquals(2, Cli.run("minimize", "rosenbrok").code(), "an unknown function is bad usage");
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

    /** The columns before seconds and samples/s. */
    private static List<String> withoutTiming(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> Arrays.stream(l.split(",")).limit(7).collect(Collectors.joining(","))).toList();
    }

    @Test
    void aBadRunFileIsBadUsageNamingFileKeyAndValueAndNothingRuns(@TempDir Path tmp) {
        Cli.Result r = Cli.run("compare", SPIRALS.toString(), "--set", "model.layers[1].units=ten", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("error: --set model.layers[1].units=ten: model.layers[1].units: layer 'dense': setting 'units' "
                + "expected a whole number, got \"ten\""), "blamed on the option that set it, not the file: " + r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
        Cli.Result unknown = Cli.run("train", SPIRALS.toString(), "--set", "optimizer.type=adamm");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("optimizer.type: unknown optimizer 'adamm'; did you mean 'adam'? known optimizers: "
                + "adagrad, adam, adamw, momentum, nesterov, rmsprop, sgd"), unknown.err());
        assertEquals(2, Cli.run("compare", "--vary", "x").code(), "a missing run file is bad usage");
        Cli.Result varied = Cli.run("compare", SPIRALS.toString(), "--vary", "optimizer.lr=0.1,abc", "--out", tmp.resolve("y").toString());
        assertEquals("error: --vary optimizer.lr=abc: optimizer.lr: optimizer 'adam': setting 'lr' expected a number, got \"abc\"",
                varied.err().strip());
        Cli.Result inFile = Cli.run("train", SPIRALS.toString(), "--set", "optimizer.type=sgd", "--set", "seed=x");
        assertTrue(inFile.err().startsWith("error: --set seed=x: seed: "), inFile.err());
    }

    @Test
    void jnnAloneShowsUsageAndIsBadUsage() {
        Cli.Result r = Cli.run();
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("Usage: jnn ") && r.err().contains("Options before or after the command"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void theKernelNoticeShowsOnlyWhenVerbose() {
        Cli.Result quiet = Cli.run("list", "losses");
        assertEquals(0, quiet.code());
        assertFalse(quiet.err().contains("jnn engine:"), quiet.err());
        Cli.Result verbose = Cli.run("list", "losses", "--verbose");
        assertEquals(0, verbose.code());
        assertTrue(verbose.err().contains("jnn engine: "), "--verbose after the command: " + verbose.err());
        assertTrue(Cli.run("--verbose", "list", "losses").err().contains("jnn engine: "), "and before it");
    }

    @Test
    void anUnknownNameIsSeparatedFromTheKnownOnes() {
        Cli.Result r = Cli.run("gradcheck", "foo");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: unknown layer 'foo'; known layers: batch_norm, dense, "), r.err());
    }

    @Test
    void trainRunsOneFileAndSwapsTheOptimizerBySet(@TempDir Path tmp) throws IOException {
        Cli.Result r = Cli.run("train", "../examples/xor.yaml", "--set", "optimizer.type=rmsprop", "--set", "optimizer.lr=0.02",
                "--out", tmp.resolve("xor").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("test accuracy 100.00%"), r.out());
        assertTrue(Files.readString(tmp.resolve("xor/run.yaml")).contains("type: \"rmsprop\""), "the resolved run file");
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
