package dev.jnn.core.data;

import dev.jnn.api.Tensor;
import dev.jnn.api.data.Dataset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * MNIST from its four original IDX files in one directory, raw or gzipped
 * ({@code train-images-idx3-ubyte[.gz]}, {@code train-labels-idx1-ubyte[.gz]}, {@code t10k-...}).
 * Images become rows of 784 pixels scaled to [0, 1]; labels class indices {@code [n, 1]}.
 */
public final class Mnist {
    private Mnist() {
    }

    /** The 60,000 training digits. */
    public static Dataset train(Path directory) {
        return load(directory, "train");
    }

    /** The 10,000 test digits. */
    public static Dataset test(Path directory) {
        return load(directory, "t10k");
    }

    /** True when the directory holds the four files. */
    public static boolean present(Path directory) {
        return directory != null && Files.isDirectory(directory)
                && find(directory, "train-images-idx3-ubyte") != null && find(directory, "t10k-labels-idx1-ubyte") != null;
    }

    private static Dataset load(Path directory, String part) {
        Path imagesFile = require(directory, part + "-images-idx3-ubyte");
        Path labelsFile = require(directory, part + "-labels-idx1-ubyte");
        Idx.Contents images = Idx.read(imagesFile, 3);
        Idx.Contents labels = Idx.read(labelsFile, 1);
        int n = images.dimensions()[0];
        int pixels = images.dimensions()[1] * images.dimensions()[2];
        if (labels.dimensions()[0] != n) {
            throw new DataFileException(labelsFile, "byte 4", "has " + labels.dimensions()[0] + " labels but "
                    + imagesFile.getFileName() + " has " + n + " images");
        }
        float[] x = new float[n * pixels];
        byte[] raw = images.values();
        for (int i = 0; i < x.length; i++) {
            x[i] = (raw[i] & 0xff) / 255f;
        }
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            int label = labels.values()[i] & 0xff;
            if (label > 9) {
                throw new DataFileException(labelsFile, "byte " + (8 + i), "label " + label + " is not a digit 0-9");
            }
            y[i] = label;
        }
        return new Dataset(Tensor.of(x, n, pixels), Tensor.of(y, n, 1));
    }

    private static Path require(Path directory, String name) {
        Path found = find(directory, name);
        if (found == null) {
            throw new IllegalArgumentException("MNIST: " + directory + " has neither " + name + " nor " + name
                    + ".gz; leave data.dir out to download the four files into the cache");
        }
        return found;
    }

    private static Path find(Path directory, String name) {
        for (String candidate : new String[] {name, name + ".gz"}) {
            Path p = directory.resolve(candidate);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
