package dev.jnn.api.data;

import java.nio.file.Path;

/**
 * What a data source may need besides its settings.
 *
 * @param seed  the run's seed: generated data and shuffled splits draw from it
 * @param base  the folder relative paths are taken from (the run file's)
 * @param cache the folder downloads are kept in ({@code ~/.jnn/datasets} unless {@code JNN_DATA} says otherwise)
 */
public record DataContext(long seed, Path base, Path cache) {

    /** {@code path} as given when absolute, else from {@link #base}. */
    public Path resolve(String path) {
        return base.resolve(path);
    }

    /** The default cache folder: {@code $JNN_DATA}, else {@code ~/.jnn/datasets}. */
    public static Path defaultCache() {
        String env = System.getenv("JNN_DATA");
        return env != null && !env.isBlank() ? Path.of(env) : Path.of(System.getProperty("user.home"), ".jnn", "datasets");
    }
}
