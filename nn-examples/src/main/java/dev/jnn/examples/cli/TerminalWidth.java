package dev.jnn.examples.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.IntSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The width of the terminal the command line runs in, from JLine, read again at most once a second (a
 * window can be resized mid-run, and asking costs a call of {@code stty}). JLine is asked only for the
 * size: its "exec" provider needs no native library, and it installs no signal handlers, so Ctrl-C
 * still reaches the JVM's shutdown hooks (which checkpoint a run).
 */
final class TerminalWidth implements IntSupplier, AutoCloseable {
    /** Assumed when the terminal does not say (some report 0 columns). */
    static final int FALLBACK = 80;

    private final Terminal terminal;
    private long readAt;
    private int width = FALLBACK;

    private TerminalWidth(Terminal terminal) {
        this.terminal = terminal;
    }

    /** The system terminal; {@link #FALLBACK} columns when it cannot be opened. */
    static TerminalWidth system() {
        try {
            return new TerminalWidth(TerminalBuilder.builder().system(true).provider("exec").nativeSignals(false)
                    .dumb(true).build());
        } catch (IOException | IllegalStateException e) {
            return new TerminalWidth(null);
        }
    }

    @Override
    public int getAsInt() {
        long now = System.nanoTime();
        if (terminal != null && (readAt == 0 || now - readAt > 1_000_000_000L)) {
            readAt = now;
            int columns = terminal.getWidth();
            width = columns > 0 ? columns : FALLBACK;
        }
        return width;
    }

    @Override
    public void close() {
        if (terminal != null) {
            try {
                terminal.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot close the terminal", e);
            }
        }
    }
}
