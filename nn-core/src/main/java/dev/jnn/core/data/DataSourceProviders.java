package dev.jnn.core.data;

import dev.jnn.api.data.DataContext;
import dev.jnn.api.data.DataSource;
import dev.jnn.api.data.DataSplit;
import dev.jnn.api.data.Dataset;
import dev.jnn.api.spi.DataSourceProvider;
import dev.jnn.api.spi.Setting;
import dev.jnn.api.spi.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.DoubleStream;

/**
 * The built-in data sources by name, listed in {@code META-INF/services/dev.jnn.api.spi.DataSourceProvider}
 * exactly as a plugin's would be. A run file names one as {@code data: { name: spirals, samples: 2000 }}.
 * Generated and CSV data hold out the last {@code test_fraction} (0.2) of the samples; MNIST has its own test set.
 */
public final class DataSourceProviders {
    private DataSourceProviders() {
    }

    private static final Setting TEST_FRACTION = Setting.number("test_fraction", 0.2, "share of the samples held out for testing");
    private static final Setting SHUFFLE = Setting.flag("shuffle", true,
            "hold out a random share (with the run's seed); false holds out the last rows, in file order (time series)");

    private static DataSplit split(Dataset all, Settings s, long seed, String description) {
        return HoldOut.split(all, s.getDouble("test_fraction"), s.getBoolean("shuffle"), seed, description);
    }

    /**
     * Fails unless {@code samples} samples of {@code perSample} values fit one array and the memory the
     * JVM has left (twice: the data and its split): found here, before generating, instead of as a
     * negative array size or an out-of-memory error.
     */
    private static void checkSize(Settings s, long perSample) {
        long values = (long) s.getInt("samples") * perSample;
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        s.require(values <= Integer.MAX_VALUE && 8 * values < free, "samples",
                "small enough that samples x " + perSample + " values per sample fit in memory (" + free / (8 * perSample)
                        + " samples here)");
    }

    private static void checkNoise(Settings s) {
        s.require(s.getDouble("noise") >= 0 && Double.isFinite(s.getDouble("noise")), "noise", "a finite number of at least 0");
    }

    private static void checkFraction(Settings s) {
        double f = s.getDouble("test_fraction");
        s.require(f > 0 && f < 1, "test_fraction", "between 0 and 1");
    }

    /** {@code xor}: the four points, trained and tested on all four. */
    public static final class XorProvider implements DataSourceProvider {
        public String name() { return "xor"; }
        public String description() { return "the four XOR points (trained and tested on all four)"; }
        public List<Setting> settings() { return List.of(); }
        public DataSource create(Settings s) {
            return context -> new DataSplit(Synthetic.xor(), Synthetic.xor(), "xor (4 points)");
        }
    }

    /** {@code spirals}: interleaved spiral arms, one class per arm. */
    public static final class SpiralsProvider implements DataSourceProvider {
        public String name() { return "spirals"; }
        public String description() { return "interleaved spiral arms in the plane, one class per arm"; }
        public List<Setting> settings() {
            return List.of(Setting.integer("samples", 2000, "points"), Setting.integer("classes", 3, "arms"),
                    Setting.number("noise", 0.2, "standard deviation of the angle jitter, radians"), TEST_FRACTION, SHUFFLE);
        }
        public DataSource create(Settings s) {
            int samples = s.getInt("samples");
            int classes = s.getInt("classes");
            s.require(classes >= 2, "classes", "at least 2");
            s.require(samples >= Math.max(4, classes), "samples", "at least 4, and one per class");
            checkNoise(s);
            checkFraction(s);
            checkSize(s, 3);
            return context -> split(Synthetic.spirals(samples, classes, s.getDouble("noise"), context.seed()), s, context.seed(),
                    "spirals (" + samples + " points, " + classes + " arms)");
        }
    }

    /** {@code teacher}: a random network's regression. */
    public static final class TeacherProvider implements DataSourceProvider {
        public String name() { return "teacher"; }
        public String description() { return "regression of a fixed random tanh network (the backpropagation article's experiment)"; }
        public List<Setting> settings() {
            return List.of(Setting.integer("samples", 2560, "samples"), Setting.integer("inputs", 10, "input features"),
                    Setting.integer("hidden", 16, "the teacher's hidden units"), Setting.integer("outputs", 3, "regression targets"),
                    TEST_FRACTION, SHUFFLE);
        }
        public DataSource create(Settings s) {
            for (String key : List.of("inputs", "hidden", "outputs")) {
                s.require(s.getInt(key) >= 1, key, "at least 1");
            }
            s.require(s.getInt("samples") >= 4, "samples", "at least 4");
            checkFraction(s);
            checkSize(s, (long) s.getInt("inputs") + s.getInt("outputs"));
            return context -> split(Synthetic.teacher(s.getInt("samples"), s.getInt("inputs"), s.getInt("hidden"),
                    s.getInt("outputs"), context.seed()), s, context.seed(), "teacher network regression (" + s.getInt("samples") + " samples)");
        }
    }

    /** {@code blobs}: Gaussian class clusters. */
    public static final class BlobsProvider implements DataSourceProvider {
        public String name() { return "blobs"; }
        public String description() { return "Gaussian clusters around random class prototypes"; }
        public List<Setting> settings() {
            return List.of(Setting.integer("samples", 2000, "samples"), Setting.integer("features", 10, "features"),
                    Setting.integer("classes", 3, "classes"), Setting.number("noise", 0.5, "standard deviation around each prototype"),
                    TEST_FRACTION, SHUFFLE);
        }
        public DataSource create(Settings s) {
            s.require(s.getInt("samples") >= 4, "samples", "at least 4");
            s.require(s.getInt("features") >= 1, "features", "at least 1");
            s.require(s.getInt("classes") >= 2, "classes", "at least 2");
            checkNoise(s);
            checkFraction(s);
            checkSize(s, s.getInt("features") + 1L);
            return context -> split(Synthetic.blobs(s.getInt("samples"), s.getInt("features"), s.getInt("classes"),
                    s.getDouble("noise"), context.seed()), s, context.seed(), "blobs (" + s.getInt("samples") + " samples)");
        }
    }

    /** {@code mnist}: the handwritten digits, from a folder or downloaded once into the cache. */
    public static final class MnistProvider implements DataSourceProvider {
        public String name() { return "mnist"; }
        public String description() { return "MNIST digits: read from dir, or downloaded once into the cache ($JNN_DATA or ~/.jnn/datasets)"; }
        public List<Setting> settings() {
            return List.of(
                    Setting.text("dir", "", "folder of the four IDX files (raw or .gz); empty to download them"),
                    Setting.integer("limit", 0, "train on the first N samples only; 0 for all 60,000"),
                    Setting.text("url", MnistDownload.DEFAULT_URL, "mirror the four .gz files are downloaded from"),
                    Setting.map("sha256", MnistDownload.SHA256, "per file name (without .gz), the SHA-256 of its uncompressed content"));
        }
        public DataSource create(Settings s) {
            s.require(s.getInt("limit") >= 0, "limit", "at least 0");
            return context -> {
                Path dir = s.getString("dir").isEmpty()
                        ? MnistDownload.ensure(context.cache().resolve("mnist"), s.getString("url"), s.getMap("sha256"))
                        : context.resolve(s.getString("dir"));
                if (!Mnist.present(dir)) {
                    throw new DataFileException(dir, "data.dir", "does not hold the MNIST IDX files (train-images-idx3-ubyte[.gz], ...);"
                            + " leave dir out to download them");
                }
                Dataset train = Mnist.train(dir);
                int limit = s.getInt("limit");
                return new DataSplit(limit > 0 && limit < train.size() ? train.slice(0, limit) : train, Mnist.test(dir),
                        "MNIST from " + dir);
            };
        }
    }

    /** {@code csv}: a table of numbers, one column the label. */
    public static final class CsvProvider implements DataSourceProvider {
        public String name() { return "csv"; }
        public String description() { return "a CSV table: one column the label, every other a number"; }
        public List<Setting> settings() {
            return List.of(
                    Setting.text("path", null, "the CSV file, relative to the run file"),
                    Setting.text("label", null, "the label column: a header name or a 0-based index"),
                    Setting.flag("header", true, "the first line names the columns"),
                    Setting.flag("classification", true, "labels are classes (else numbers to regress)"),
                    Setting.flag("standardize", false, "scale features to mean 0, deviation 1 (training split's statistics)"),
                    TEST_FRACTION, SHUFFLE);
        }
        public DataSource create(Settings s) {
            checkFraction(s);
            return context -> load(context, s);
        }

        /**
         * The split, with what a model trained on it needs to read new rows alike: the feature and
         * label columns, the classes in index order, and the standardization's statistics.
         */
        private static DataSplit load(DataContext context, Settings s) {
            Path path = context.resolve(s.getString("path"));
            Csv.Table table = Csv.table(path, s.getString("label"), s.getBoolean("header"), s.getBoolean("classification"));
            DataSplit split = split(table.dataset(), s, context.seed(), "CSV " + path + " (" + table.dataset().size() + " rows)");
            Map<String, Object> preprocessing = new LinkedHashMap<>();
            preprocessing.put("features", table.features());
            preprocessing.put("label", table.label());
            preprocessing.put("classes", table.classes());
            if (s.getBoolean("standardize")) {
                Csv.Standardization scale = Csv.standardize(split.train(), split.train(), split.test());
                preprocessing.put("standardize", Map.of("mean", DoubleStream.of(scale.mean()).boxed().toList(),
                        "std", DoubleStream.of(scale.std()).boxed().toList()));
            }
            return new DataSplit(split.train(), split.test(), split.description(), preprocessing);
        }
    }
}
