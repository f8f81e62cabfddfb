package dev.jnn.api.data;

/**
 * Where a run's data comes from: generated, read from files, or downloaded. Created by a
 * {@link dev.jnn.api.spi.DataSourceProvider} from a run file's {@code data} section, then loaded.
 */
public interface DataSource {

    /**
     * The training and held-out data.
     *
     * @throws IllegalArgumentException for data that cannot be used, naming the file and the place
     * @throws java.io.UncheckedIOException when a file cannot be read or downloaded
     */
    DataSplit load(DataContext context);
}
