package dev.jnn.core.data;

import java.nio.file.Path;

/** A data file that cannot be read as what it should be; the message names the file and the place. */
public class DataFileException extends IllegalArgumentException {
    public DataFileException(Path file, String where, String problem) {
        super(file + ": " + where + ": " + problem);
    }

    /** A problem of data fetched from {@code source} (a URL), before it became a file. */
    public DataFileException(String source, String problem) {
        super(source + ": " + problem);
    }
}
