package dev.jnn.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run folder written whole or not at all: everything goes into {@code NAME.partial} and is renamed
 * to {@code NAME} once complete; on failure the partial folder is removed.
 */
final class OutputFolder {
    private OutputFolder() {
    }

    interface Writer {
        void write(Path dir) throws IOException;
    }

    /** {@code runs/yyyyMMdd-HHmmss-kind} under the working directory, unless {@code chosen} is given. */
    static Path choose(Path chosen, String kind) {
        return chosen != null ? chosen
                : Path.of("runs", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + kind);
    }

    static Path write(Path target, Writer writer) {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        try {
            if (Files.exists(target)) {
                throw new IllegalArgumentException("output folder " + target + " exists already; choose another with --out");
            }
            delete(partial);
            Files.createDirectories(partial);
            writer.write(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            delete(partial);
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            delete(partial);
            throw e;
        }
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
