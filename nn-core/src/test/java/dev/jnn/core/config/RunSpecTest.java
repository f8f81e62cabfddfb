package dev.jnn.core.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jnn.api.Model;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSpecTest {
    static final String RUN = """
            seed: 7
            data: { name: spirals, samples: 200 }
            model:
              defaults: { activation: relu, init: he_normal }
              layers:
                - { type: dense, units: 16 }
                - { type: dense, units: 16 }
                - { type: dense, units: 3, activation: identity }
            loss: softmax_cross_entropy
            optimizer: { type: adam, lr: 0.01 }
            train: { epochs: 3, batch: 16 }
            """;

    private static RunSpec bind(String yaml, String... overrides) {
        Map<String, Object> tree = RunFiles.parseYaml(yaml, "run.yaml");
        for (String o : overrides) {
            RunFiles.override(tree, o, "--set " + o);
        }
        return RunSpec.bind(tree, "run.yaml");
    }

    private static String error(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> bind(yaml, overrides)).getMessage();
    }

    @Test
    void bindsEverySectionAndBuildsTheSameWeightsForTheSameSeed() {
        RunSpec spec = bind(RUN);
        assertEquals(3, spec.layers().size());
        assertEquals(Map.of("activation", "relu", "init", "he_normal", "units", 16), spec.layers().get(0).settings());
        assertEquals("identity", spec.layers().get(2).settings().get("activation"));
        assertEquals(3, spec.epochs());
        Model a = spec.newModel(new int[] {2});
        Model b = spec.newModel(new int[] {2});
        assertArrayEquals(a.parameters().get(0).value().data(), b.parameters().get(0).value().data(), 0f);
    }

    @Test
    void overridesSwapTheOptimizerAndReachIntoLists() {
        RunSpec spec = bind(RUN, "optimizer.type=rmsprop", "optimizer.lr=0.001", "model.layers[1].units=8", "seed=9");
        assertEquals("rmsprop", spec.optimizerType());
        assertEquals(8, spec.layers().get(1).settings().get("units"));
        assertEquals(9, spec.seed());
        assertEquals("rmsprop", spec.newOptimizer().type());
    }

    @Test
    void everyValueIsConvertedOneWaySoWholeNumbersWrittenWithAPointAreWholeEverywhere() {
        RunSpec spec = bind(RUN, "model.layers[1].units=8.0", "train.epochs=3.0", "train.batch=16", "seed=9.0", "data.samples=100.0");
        assertEquals(3, spec.epochs());
        assertEquals(16, spec.batch());
        assertEquals(9, spec.seed());
        assertEquals(80, spec.loadData().train().size());
        assertEquals(8, spec.newModel(new int[] {2}).layers().get(1).parameters().get(1).size());
    }

    @Test
    void errorsNameTheFileTheKeyPathTheValueAndWhatWasExpected() {
        assertEquals("run.yaml: model.layers[2].units: layer 'dense': setting 'units' expected a whole number, got \"ten\"",
                error(RUN, "model.layers[2].units=ten"));
        assertEquals("run.yaml: optimizer.lr: optimizer 'adam': setting 'lr' expected a number, got \"fast\"",
                error(RUN, "optimizer.lr=fast"));
        assertEquals("run.yaml: optimizer.betas: optimizer 'sgd': setting 'betas' is unknown; optimizer 'sgd' accepts: lr, momentum,"
                + " dampening, weight_decay, nesterov", error(RUN, "optimizer.type=sgd", "optimizer.betas=0.9"));
        assertEquals("run.yaml: optimizer.beta1: optimizer 'adam': setting 'beta1' must be in [0, 1), got 1.5", error(RUN, "optimizer.beta1=1.5"));
        assertEquals("run.yaml: optimizer.lr: optimizer 'momentum': setting 'lr' must be a finite number greater than 0, got -1.0",
                error(RUN, "optimizer.type=momentum", "optimizer.lr=-1"));
        assertEquals("run.yaml: data.samples: data source 'spirals': setting 'samples' expected a whole number, got 3.5",
                error(RUN, "data.samples=3.5"));
        assertEquals("run.yaml: data.noise: data source 'spirals': setting 'noise' must be a finite number of at least 0, got -1.0",
                error(RUN, "data.noise=-1"));
        assertTrue(error(RUN, "data.name=spiral").startsWith("run.yaml: data.name: unknown data source 'spiral'; did you mean 'spirals'?"));
        assertTrue(error(RUN, "optimizer.type=adamm").startsWith("run.yaml: optimizer.type: unknown optimizer 'adamm'; "
                + "did you mean 'adam'? known optimizers: adagrad, adam, adamw, momentum, nesterov, rmsprop, sgd"));
        assertTrue(error(RUN, "model.layers[0].type=dens").startsWith("run.yaml: model.layers[0].type: unknown layer 'dens'; did you mean 'dense'?"));
        String rleu = error(RUN, "model.layers[1].activation=rleu");
        assertTrue(rleu.startsWith("run.yaml: model.layers[1].activation: unknown layer 'rleu'; did you mean 'relu'? known layers: ")
                && rleu.contains(" dense, ") && rleu.contains(" tanh"), rleu);
        assertEquals("run.yaml: train.epochs: expected a whole number of at least 1, got 0", error(RUN, "train.epochs=0"));
        assertEquals("run.yaml: train.epochs: train: setting 'epochs' expected a whole number, got 2.5", error(RUN, "train.epochs=2.5"));
        assertEquals("run.yaml: train.epoch: train: setting 'epoch' is unknown; train accepts: epochs, batch, shuffle, checkpoint_every, clip_norm, clip_value, early_stopping, averaging_every",
                error(RUN, "train.epoch=2"));
        assertEquals("run.yaml: train.averaging_every: expected a whole number of at least 0 (0: synchronous gradients), got -1",
                error(RUN, "train.averaging_every=-1"));
        assertEquals("run.yaml: seed: expected a whole number, got \"seven\"", error(RUN, "seed=seven"));
        assertEquals("run.yaml: trian: unknown key; expected one of: name, seed, data, model, loss, optimizer, train",
                error(RUN, "trian.epochs=3"));
        assertEquals("--set model.layers[5].units=3: model.layers[5]: no such list element to override (the list has 3)",
                error(RUN, "model.layers[5].units=3"));
    }

    @Test
    void initializersTakeTheirSettingsInline() {
        RunSpec spec = bind(RUN, "model.layers[0].init=normal(std=2.0)");
        float[] w = spec.newModel(new int[] {2}).parameters().get(0).value().data();
        double sumSquares = 0;
        for (float v : w) {
            sumSquares += v * v;
        }
        double std = Math.sqrt(sumSquares / w.length);
        assertTrue(std > 1.5 && std < 2.5, "32 draws of N(0, 4) have a std near 2, got " + std);
        assertEquals("run.yaml: model.layers[0].init: initializer 'he_normal': setting 'mode' must be fan_in or fan_out, got \"fan_avg\"",
                error(RUN, "model.layers[0].init=he_normal(mode=fan_avg)"));
    }

    @Test
    void missingSectionsAreNamed() {
        assertEquals("run.yaml: optimizer: missing; expected an optimizer such as { type: adam, lr: 0.001 }",
                error(RUN.replace("optimizer: { type: adam, lr: 0.01 }\n", "")));
        assertEquals("run.yaml: model.layers: expected a list, got \"none\"", error(RUN, "model.layers=none"));
    }

    @Test
    void brokenSyntaxNamesTheLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, "seed: 7\nmodel: { layers: [\n");
        String message = assertThrows(ConfigException.class, () -> RunSpec.load(file, List.of())).getMessage();
        assertTrue(message.startsWith(file + ": line "), message);
        Path json = dir.resolve("run.json");
        Files.writeString(json, "{\"seed\": 1, }");
        assertTrue(assertThrows(ConfigException.class, () -> RunSpec.load(json, List.of())).getMessage().contains("not valid JSON"));
        assertEquals(dir.resolve("run.txt") + ": unknown run file type; expected a .yaml, .yml or .json file",
                assertThrows(ConfigException.class, () -> RunSpec.load(dir.resolve("run.txt"), List.of())).getMessage());
    }

    @Test
    void writtenTreesReadBackTheSame(@TempDir Path dir) throws IOException {
        RunSpec spec = bind(RUN, "optimizer.type=sgd");
        Path yaml = dir.resolve("resolved.yaml");
        Path json = dir.resolve("resolved.json");
        RunFiles.write(spec.tree(), yaml);
        RunFiles.write(spec.tree(), json);
        assertEquals(spec.tree(), RunFiles.read(yaml));
        assertEquals(spec.tree(), RunFiles.read(json));
        assertEquals(List.of("resolved.json", "resolved.yaml"), Files.list(dir).map(p -> p.getFileName().toString()).sorted().toList());
    }
}
