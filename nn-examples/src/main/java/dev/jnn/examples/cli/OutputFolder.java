package dev.jnn.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A run folder, claimed before anything trains and written whole or not at all: {@link #claim}
 * creates {@code NAME.partial} atomically (a folder another run holds, or a stopped run left, is
 * refused, never deleted), the results go into it, and {@link #complete} renames it to {@code NAME}.
 * A run that fails removes the partial folder it created, and nothing else.
 */
final class OutputFolder {
    private final Path target;
    private final Path partial;
    private final boolean reopened;

    private OutputFolder(Path target, Path partial, boolean reopened) {
        this.target = target;
        this.partial = partial;
        this.reopened = reopened;
    }

    interface Writer {
        void write(Path dir) throws IOException;
    }

    /**
     * Claims {@code chosen}, or {@code runs/yyyyMMdd-HHmmss-kind} (with {@code -2}, {@code -3}, ... when
     * another run claimed that second's name) under the working directory.
     *
     * @throws IllegalArgumentException when the folder exists, is claimed by another run, or cannot be
     *                                  written, before any training
     */
    static OutputFolder claim(Path chosen, String kind) {
        if (chosen != null) {
            return claimExactly(chosen);
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + kind;
        for (int n = 1; ; n++) {
            Path candidate = Path.of("runs", n == 1 ? stamp : stamp + "-" + n);
            if (!Files.exists(candidate) && !Files.exists(partialOf(candidate))) {
                try {
                    return claimExactly(candidate);
                } catch (IllegalArgumentException taken) {
                    if (n > 100) {
                        throw taken;
                    }
                }
            }
        }
    }

    private static OutputFolder claimExactly(Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("output folder " + target + " exists already; choose another with --out");
        }
        Path partial = partialOf(target);
        try {
            Path parent = partial.toAbsolutePath().getParent();
            if (Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new IllegalArgumentException("cannot write the run folder " + target + ": " + parent + " is a file, not a folder");
            }
            Files.createDirectories(parent);
            Files.createDirectory(partial);
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("output folder " + partial + " is taken: another run is writing there, or a run"
                    + " that stopped left it (its files are kept); choose another --out, or remove it");
        } catch (AccessDeniedException e) {
            throw new IllegalArgumentException("cannot write the run folder " + target + ": permission denied at " + e.getFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the run folder " + target + ": " + e.getMessage(), e);
        }
        return new OutputFolder(target, partial, false);
    }

    /**
     * The folder of a run to resume: {@code NAME.partial} (a stopped run) as it is, or {@code NAME} (a
     * finished one) renamed back to {@code NAME.partial} while it trains, so that it never claims to be
     * complete when it is not.
     *
     * @throws IllegalArgumentException when neither exists, or both do
     */
    static OutputFolder reopen(Path folder) {
        String name = folder.getFileName().toString();
        Path target = name.endsWith(".partial") ? folder.resolveSibling(name.substring(0, name.length() - ".partial".length())) : folder;
        Path partial = partialOf(target);
        boolean finished = Files.isDirectory(target);
        boolean stopped = Files.isDirectory(partial);
        if (finished && stopped) {
            throw new IllegalArgumentException("--resume: both " + target + " and " + partial + " exist; keep one of them");
        }
        if (!finished && !stopped) {
            throw new IllegalArgumentException("--resume: no run folder " + folder + " (nor " + partial + ")");
        }
        if (finished) {
            try {
                Files.move(target, partial, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new IllegalArgumentException("--resume: cannot reopen " + target + ": " + e.getMessage(), e);
            }
        }
        return new OutputFolder(target, partial, true);
    }

    private static Path partialOf(Path target) {
        return target.resolveSibling(target.getFileName() + ".partial");
    }

    /** The folder results are written into until {@link #complete}. */
    Path partial() {
        return partial;
    }

    /** Writes the results into the partial folder and renames it to its name; on failure removes it. */
    Path complete(Writer writer) {
        try {
            writer.write(partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            abandon();
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            abandon();
            throw e;
        }
    }

    /**
     * Removes the partial folder this run created (after a failure before anything worth keeping).
     * A reopened run's folder holds earlier work, so a failure keeps it: {@code --resume} again.
     */
    void abandon() {
        if (reopened || !Files.exists(partial)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(partial)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + partial + ": " + e.getMessage(), e);
        }
    }
}
