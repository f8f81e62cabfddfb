package dev.jnn.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * {@code jnn train --resume}: a run stopped (Ctrl-C) or finished continues in its own folder, and its
 * metrics and model come out exactly as those of a run that never stopped.
 */
class ResumeCommandTest {
    private static final String SPIRALS = Path.of("../examples/spirals.yaml").toString();

    @TempDir
    Path tmp;

    /** metrics.csv without the timing columns (seconds, samples/s), which no two runs share. */
    private static List<String> metrics(Path run) throws IOException {
        return Files.readAllLines(run.resolve("metrics.csv")).stream()
                .map(l -> String.join(",", List.of(l.split(",")).subList(0, 7))).toList();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sgd", "momentum", "rmsprop", "adam"})
    void twoEpochsThenTwoMoreByResumeEqualFourStraight(String optimizer) throws IOException {
        Path straight = tmp.resolve("straight");
        assertEquals(0, Cli.run("train", SPIRALS, "--set", "optimizer.type=" + optimizer, "--set", "train.epochs=4",
                "--out", straight.toString()).code());
        Path resumed = tmp.resolve("resumed");
        assertEquals(0, Cli.run("train", SPIRALS, "--set", "optimizer.type=" + optimizer, "--set", "train.epochs=2",
                "--set", "train.checkpoint_every=1", "--out", resumed.toString()).code());
        List<String> firstTwo = metrics(resumed);
        Cli.Result more = Cli.run("train", "--resume", resumed.toString(), "--set", "train.epochs=4");
        assertEquals(0, more.code(), more.err());
        assertEquals(metrics(straight), metrics(resumed));
        assertEquals(firstTwo, metrics(resumed).subList(0, 3), "the rows of the epochs already done are unchanged");
        assertArrayEquals(Files.readAllBytes(straight.resolve("model.safetensors")), Files.readAllBytes(resumed.resolve("model.safetensors")));
        assertTrue(Files.readString(resumed.resolve("run.yaml")).contains("epochs: 4"), "the run file says what the run did");
    }

    @Test
    void aPlateauScheduleAndEarlyStoppingResumeWhereTheyWere() throws IOException {
        String[] settings = {"--set", "optimizer.type=sgd", "--set", "optimizer.lr=0.3",
                "--set", "optimizer.schedule=plateau(patience=0, factor=0.5)", "--set", "train.early_stopping.patience=3",
                "--set", "train.early_stopping.monitor=test_accuracy"};
        Path straight = tmp.resolve("straight");
        List<String> args = new java.util.ArrayList<>(List.of("train", SPIRALS, "--set", "train.epochs=8", "--out", straight.toString()));
        args.addAll(List.of(settings));
        assertEquals(0, Cli.run(args.toArray(String[]::new)).code());
        Path resumed = tmp.resolve("resumed");
        args = new java.util.ArrayList<>(List.of("train", SPIRALS, "--set", "train.epochs=4", "--set", "train.checkpoint_every=1",
                "--out", resumed.toString()));
        args.addAll(List.of(settings));
        assertEquals(0, Cli.run(args.toArray(String[]::new)).code());
        assertEquals(0, Cli.run("train", "--resume", resumed.toString(), "--set", "train.epochs=8").code());
        List<String> rows = Files.readAllLines(straight.resolve("metrics.csv"));
        assertTrue(rows.stream().map(r -> r.split(",")[9]).distinct().count() > 2, "the plateau schedule lowered the rate: " + rows);
        assertEquals(rows.stream().map(r -> String.join(",", List.of(r.split(",")).subList(0, 7)) + r.split(",")[9]).toList(),
                Files.readAllLines(resumed.resolve("metrics.csv")).stream()
                        .map(r -> String.join(",", List.of(r.split(",")).subList(0, 7)) + r.split(",")[9]).toList());
        assertArrayEquals(Files.readAllBytes(straight.resolve("model.safetensors")), Files.readAllBytes(resumed.resolve("model.safetensors")));
    }

    @Test
    void aFinishedRunIsNotResumedWithoutMoreEpochsAndAMissingFolderIsNamed() {
        Path run = tmp.resolve("done");
        assertEquals(0, Cli.run("train", SPIRALS, "--set", "train.epochs=1", "--out", run.toString()).code());
        Cli.Result again = Cli.run("train", "--resume", run.toString());
        assertEquals(2, again.code());
        assertTrue(again.err().contains("the run has done 1 epochs of 1; continue it with --set train.epochs=N"), again.err());
        assertTrue(Files.isDirectory(run) && !Files.exists(tmp.resolve("done.partial")), "the finished folder is as it was");
        Cli.Result missing = Cli.run("train", "--resume", tmp.resolve("nothing").toString());
        assertTrue(missing.err().contains("--resume: no run folder " + tmp.resolve("nothing")), missing.err());
    }

    /**
     * A real Ctrl-C (SIGINT) to a training JVM: it finishes the batch, writes a checkpoint, prints the
     * command that resumes, exits with 130, and the folder stays NAME.partial; resuming gives the
     * straight run's numbers and model, bit for bit, wherever inside an epoch it stopped.
     */
    @Test
    void ctrlCWritesACheckpointAndTheResumedRunEqualsAStraightOne() throws Exception {
        Path run = tmp.resolve("interrupted");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                "dev.jnn.examples.cli.Main", "train", SPIRALS, "--set", "train.epochs=1000", "--set", "train.checkpoint_every=100",
                "--out", run.toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
        Path metrics = tmp.resolve("interrupted.partial").resolve("metrics.csv");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!Files.exists(metrics) || Files.readAllLines(metrics).size() < 6) && System.nanoTime() < deadline && p.isAlive()) {
            Thread.sleep(20);
        }
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(tmp.resolve("log.txt"));
        assertEquals(130, p.exitValue(), log);
        assertTrue(log.contains("resume with:\n  jnn train --resume " + tmp.resolve("interrupted.partial")), log);
        assertFalse(Files.exists(run), "a stopped run's folder does not claim to be complete");

        Cli.Result resumed = Cli.run("train", "--resume", tmp.resolve("interrupted.partial").toString());
        assertEquals(0, resumed.code(), resumed.err());
        Path straight = tmp.resolve("straight");
        assertEquals(0, Cli.run("train", SPIRALS, "--set", "train.epochs=1000", "--out", straight.toString()).code());
        assertEquals(metrics(straight), metrics(run));
        assertArrayEquals(Files.readAllBytes(straight.resolve("model.safetensors")), Files.readAllBytes(run.resolve("model.safetensors")));
    }
}
