package dev.jnn.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cases where a run lied, lost work or crashed, each refused with its reason or handled, with
 * nothing trained first when the fault is in the request.
 */
class RunsThatNeverLieTest {
    private static final Path SPIRALS = Path.of("../examples/spirals.yaml");
    private static final Path TEACHER = Path.of("../examples/teacher.yaml");
    private static final Path XOR = Path.of("../examples/xor.yaml");

    @TempDir
    Path tmp;

    private static void refused(Cli.Result r, String expected) {
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains(expected), "expected '" + expected + "' in:\n" + r.err());
        assertFalse(r.out().contains("final:"), "nothing trained:\n" + r.out());
    }

    @Test
    void aModelWhoseOutputDoesNotFitTheClassesIsRefusedBeforeTraining() {
        refused(Cli.run("train", SPIRALS.toString(), "--set", "model.layers[2].units=1", "--out", tmp.resolve("a").toString()),
                "loss: softmax_cross_entropy needs one output per class, at least 2, but the model has 1 output");
        refused(Cli.run("train", SPIRALS.toString(), "--set", "model.layers[2].units=2", "--out", tmp.resolve("b").toString()),
                "the targets hold classes 0 to 2 (3 classes), but the model has 2 outputs; give the last layer 3 units");
        refused(Cli.run("train", TEACHER.toString(), "--set", "loss=softmax_cross_entropy", "--out", tmp.resolve("c").toString()),
                "not a class probability; regression targets need a regression loss such as mse");
        assertFalse(Files.exists(tmp.resolve("a")) || Files.exists(tmp.resolve("a.partial")), "no run folder for a refused run");
    }

    @Test
    void aLearningRateThatOverflowsFloat32IsRefused() {
        refused(Cli.run("train", XOR.toString(), "--set", "optimizer.type=sgd", "--set", "optimizer.lr=1e39"),
                "optimizer.lr: optimizer 'sgd': setting 'lr' must be a finite number greater than 0 that fits a float32");
    }

    @Test
    void repeatedOrEmptyVariantsAndZeroParallelismAreRefused() {
        refused(Cli.run("compare", XOR.toString(), "--vary", "optimizer.type=sgd,sgd"),
                "--vary 'optimizer.type=sgd,sgd' lists 'sgd' twice");
        refused(Cli.run("compare", XOR.toString(), "--vary", "optimizer.type=,"), "--vary 'optimizer.type=,' has an empty value");
        refused(Cli.run("compare", XOR.toString(), "--parallel", "0"), "--parallel must be at least 1, got 0");
    }

    @Test
    void aPluginPathThatIsNotAJarIsRefused() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.txt"), "hello");
        refused(Cli.run("--plugins", text.toString(), "list"), "--plugins: " + text + " is not a .jar file");
        Path empty = Files.createDirectory(tmp.resolve("empty"));
        refused(Cli.run("--plugins", empty.toString(), "list"), "--plugins: the folder " + empty + " holds no .jar file");
    }

    @Test
    void anOutputFolderThatCannotBeUsedIsFoundBeforeTrainingAndAUsersPartialFolderIsKept() throws IOException {
        Path file = Files.writeString(tmp.resolve("taken"), "a file");
        refused(Cli.run("train", XOR.toString(), "--out", file.toString()), "output folder " + file + " exists already");
        Path partial = Files.createDirectory(tmp.resolve("run.partial"));
        Path mine = Files.writeString(partial.resolve("my-notes.txt"), "keep me");
        refused(Cli.run("train", XOR.toString(), "--out", tmp.resolve("run").toString()),
                "output folder " + partial + " is taken: another run is writing there, or a run that stopped left it");
        assertEquals("keep me", Files.readString(mine));
        refused(Cli.run("train", XOR.toString(), "--out", file.resolve("inside").toString()),
                "cannot write the run folder " + file.resolve("inside") + ": ");
    }

    @Test
    void oneDivergingVariantKeepsTheOthersResultsAndExitsOne() throws IOException {
        Path out = tmp.resolve("cmp");
        Cli.Result r = Cli.run("compare", TEACHER.toString(), "--set", "optimizer.type=sgd", "--set", "train.epochs=2",
                "--vary", "optimizer.lr=0.01,10", "--out", out.toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.out().contains("FAILED optimizer.lr=10 seed 3: training diverged"), r.out());
        assertTrue(r.err().contains("1 of 2 runs failed"), r.err());
        assertTrue(Files.exists(out.resolve("runs/01-optimizer.lr=0.01.safetensors")), "the healthy run's model is kept");
        assertTrue(Files.readString(out.resolve("report.html")).contains("Failed runs"));
        assertEquals(1 + 2, Files.readAllLines(out.resolve("metrics.csv")).size(), "the healthy run's two epochs");
    }

    @Test
    void runFilesOfTheSameNameInTwoFoldersKeepTheirOwnDataAndNames() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        Files.writeString(a.resolve("points.csv"), "x,label\n" + "0,0\n1,1\n".repeat(20));
        Files.writeString(b.resolve("points.csv"), "x,y,label\n" + "0,1,0\n1,0,1\n2,2,2\n".repeat(20));
        String run = "data: { name: csv, path: points.csv, label: label }\nmodel: { layers: [ { type: dense, units: 3 } ] }\n"
                + "loss: softmax_cross_entropy\noptimizer: { type: adam }\ntrain: { epochs: 1 }\n";
        Files.writeString(a.resolve("r.yaml"), run);
        Files.writeString(b.resolve("r.yaml"), run);
        Path out = tmp.resolve("cmp");
        Cli.Result r = Cli.run("compare", a.resolve("r.yaml").toString(), b.resolve("r.yaml").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("a/r ") && r.out().contains("b/r "), "two variants, each named by its folder:\n" + r.out());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("did not all have the same data"), "the report does not claim shared data");
        String saved = Files.readString(out.resolve("runs/01-a_r.yaml"));
        assertTrue(saved.contains(a.resolve("points.csv").toAbsolutePath().normalize().toString()),
                "the saved run file names its data absolutely:\n" + saved);
    }

    @Test
    void aGridWithLongValuesGetsFileNamesEveryFileSystemTakes() throws IOException {
        String longRate = "0.0" + "0".repeat(300) + "1";
        Path out = tmp.resolve("grid");
        Cli.Result r = Cli.run("compare", XOR.toString(), "--set", "train.epochs=1", "--vary", "optimizer.lr=" + longRate + ",0.05",
                "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        try (var files = Files.list(out.resolve("runs"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertEquals(4, names.size(), names.toString());
            assertTrue(names.stream().allMatch(n -> n.length() < 120), names.toString());
        }
    }

    @Test
    void aComparisonAppendsEachEpochAsItEnds() throws IOException {
        Path out = tmp.resolve("cmp");
        assertEquals(0, Cli.run("compare", XOR.toString(), "--set", "train.epochs=3", "--vary", "optimizer.type=sgd,adam",
                "--out", out.toString()).code());
        List<String> rows = Files.readAllLines(out.resolve("metrics.csv"));
        assertEquals(1 + 2 * 3, rows.size(), "the final files are complete and in order: " + rows);
        assertTrue(rows.get(1).startsWith("optimizer.type=sgd,1,1,") && rows.get(4).startsWith("optimizer.type=adam,1,1,"), rows.toString());
    }

    @Test
    void sizesBeyondMemoryAreRefusedWithAMessageNotAnOutOfMemoryError() {
        refused(Cli.run("train", SPIRALS.toString(), "--set", "data.samples=2000000000"),
                "data.samples: data source 'spirals': setting 'samples' must be small enough that samples x 3 values per sample fit");
        refused(Cli.run("train", SPIRALS.toString(), "--set", "model.layers[0].units=2000000000"),
                "has more values than one array holds");
        refused(Cli.run("train", SPIRALS.toString(), "--set", "model.layers[0].units=200000000"),
                "MiB with its gradient and optimizer state, but the JVM has");
    }

    @Test
    void duplicateKeysAndHugeRunFilesAreRefused() throws IOException {
        Path twice = Files.writeString(tmp.resolve("twice.yaml"), "seed: 1\nseed: 2\n");
        refused(Cli.run("train", twice.toString()), "Duplicate field 'seed'");
        Path huge = Files.writeString(tmp.resolve("huge.yaml"), "seed: 1\nname: \"" + "x".repeat(2 << 20) + "\"\n");
        refused(Cli.run("train", huge.toString()), "a run file is at most 1048576 bytes");
    }
}
