package dev.jnn.examples.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.jnn.core.Engine;
import org.slf4j.LoggerFactory;

/** The command line's choices of what to log; the library modules only log, an application decides. */
final class Logging {
    private Logging() {
    }

    /** The engine's notice of which kernels run (and why) only when asked for: {@code --verbose}. */
    static void engineNotices(boolean verbose) {
        if (LoggerFactory.getLogger(Engine.class) instanceof Logger logger) {
            logger.setLevel(verbose ? Level.INFO : Level.WARN);
        }
    }
}
