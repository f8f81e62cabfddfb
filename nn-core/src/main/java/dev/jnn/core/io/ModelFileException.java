package dev.jnn.core.io;

import java.nio.file.Path;

/** A model or checkpoint file that cannot be read as one: the message names the file and what is wrong. */
public class ModelFileException extends IllegalArgumentException {
    public ModelFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    public ModelFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
