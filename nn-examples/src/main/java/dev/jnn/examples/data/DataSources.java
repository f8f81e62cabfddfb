package dev.jnn.examples.data;

import dev.jnn.core.config.ConfigNode;
import dev.jnn.core.data.Synthetic;
import dev.jnn.core.train.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code data} section of a run file: a dataset by name, split into training and held-out data.
 *
 * <pre>
 *   xor                                          the four points (trained and tested on all four)
 *   spirals  samples 2000, classes 3, noise 0.2  interleaved spiral arms
 *   teacher  samples 2560, inputs 10, hidden 16, outputs 3   a random network's regression
 *   blobs    samples 2000, features 10, classes 3, noise 0.5 Gaussian class clusters
 *   mnist    dir (the four IDX files), limit (training samples, all by default)
 *   csv      path, label (column name or index), header true, classification true, standardize false
 * </pre>
 * Generated and CSV data hold out {@code test_fraction} (0.2) of the samples; MNIST has its own test set.
 */
public final class DataSources {
    private DataSources() {
    }

    /** The training and held-out data of a run. */
    public record Split(Dataset train, Dataset test, String description) {
    }

    private static final Map<String, List<String>> KEYS = Map.of(
            "xor", List.of("name"),
            "spirals", List.of("name", "samples", "classes", "noise", "test_fraction"),
            "teacher", List.of("name", "samples", "inputs", "hidden", "outputs", "test_fraction"),
            "blobs", List.of("name", "samples", "features", "classes", "noise", "test_fraction"),
            "mnist", List.of("name", "dir", "limit"),
            "csv", List.of("name", "path", "label", "header", "classification", "standardize", "test_fraction"));

    /**
     * Loads the data a run file names; relative paths are taken from {@code base} (the run file's folder).
     *
     * @throws dev.jnn.core.config.ConfigException for an unknown dataset name or setting, naming the key
     */
    public static Split load(ConfigNode data, long seed, Path base) {
        String name = data.get("name").asString();
        List<String> keys = KEYS.get(name);
        if (keys == null) {
            throw data.get("name").fail("unknown dataset '" + name + "'; known: blobs, csv, mnist, spirals, teacher, xor");
        }
        data.onlyKeys(keys);
        switch (name) {
            case "xor" -> {
                Dataset xor = Synthetic.xor();
                return new Split(xor, xor, "xor (4 points)");
            }
            case "spirals" -> {
                int samples = data.get("samples").asInt(2000, 4);
                int classes = data.get("classes").asInt(3, 2);
                return split(Synthetic.spirals(samples, classes, data.get("noise").asDouble(0.2), seed), data,
                        "spirals (" + samples + " points, " + classes + " arms)");
            }
            case "teacher" -> {
                int samples = data.get("samples").asInt(2560, 4);
                Dataset all = Synthetic.teacher(samples, data.get("inputs").asInt(10, 1), data.get("hidden").asInt(16, 1),
                        data.get("outputs").asInt(3, 1), seed);
                return split(all, data, "teacher network regression (" + samples + " samples)");
            }
            case "blobs" -> {
                int samples = data.get("samples").asInt(2000, 4);
                Dataset all = Synthetic.blobs(samples, data.get("features").asInt(10, 1), data.get("classes").asInt(3, 2),
                        data.get("noise").asDouble(0.5), seed);
                return split(all, data, "blobs (" + samples + " samples)");
            }
            case "mnist" -> {
                Path dir = base.resolve(data.get("dir").required("the directory of the MNIST IDX files").asString());
                if (!Mnist.present(dir)) {
                    throw data.get("dir").fail("'" + dir + "' does not hold the MNIST IDX files (train-images-idx3-ubyte[.gz] ...);"
                            + " get them from http://yann.lecun.com/exdb/mnist/ or use ../shared/data/mnist beside a checkout");
                }
                Dataset train = Mnist.train(dir);
                int limit = data.get("limit").asInt(train.size(), 1);
                return new Split(limit < train.size() ? train.slice(0, limit) : train, Mnist.test(dir), "MNIST from " + dir);
            }
            default -> {
                Path path = base.resolve(data.get("path").required("the CSV file").asString());
                Dataset all = Csv.read(path, data.get("label").required("the label column's name or index").asString(),
                        data.get("header").asBoolean(true), data.get("classification").asBoolean(true));
                Split split = split(all, data, "CSV " + path + " (" + all.size() + " rows)");
                if (data.get("standardize").asBoolean(false)) {
                    Csv.standardize(split.train(), split.train(), split.test());
                }
                return split;
            }
        }
    }

    private static Split split(Dataset all, ConfigNode data, String description) {
        double fraction = data.get("test_fraction").asDouble(0.2);
        if (!(fraction > 0 && fraction < 1)) {
            throw data.get("test_fraction").fail("expected a fraction between 0 and 1, got " + fraction);
        }
        int test = Math.max(1, (int) Math.round(all.size() * fraction));
        return new Split(all.slice(0, all.size() - test), all.slice(all.size() - test, all.size()), description);
    }
}
