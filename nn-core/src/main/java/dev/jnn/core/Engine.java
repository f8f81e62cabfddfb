package dev.jnn.core;

import dev.jnn.api.BuildContext;
import dev.jnn.api.Kernels;
import dev.jnn.api.spi.Providers;
import dev.jnn.core.kernel.KernelChoice;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What models are built with: the kernels they compute with (Vector API or plain Java), the threads
 * those kernels may use and the helper threads behind them, and the providers that names resolve to
 * (with the class loader they come from). A model gets all of it from the engine that builds it, so
 * two models in one JVM may run on different kernels and thread counts, and no model depends on
 * JVM-wide settings or on the class loader of the thread that builds it.
 *
 * <pre>{@code
 * try (Engine engine = Engine.builder().kernels("vector").threads(2).build()) {
 *     Sequential model = new Sequential(...).build(engine, 7, 784);
 *     ... train, predict ...
 * }                                                  // stops the engine's helper threads
 * }</pre>
 *
 * <p>{@link #shared()} is the engine of code that names none: it is created on first use from the
 * system properties {@code jnn.kernels} ({@code auto}, {@code vector}, {@code scalar}) and
 * {@code jnn.threads}, which are only ever defaults, and is never closed. Thread-safe; closing is
 * idempotent. A model whose engine is closed still computes, on the calling thread alone, with the
 * same results.
 */
public final class Engine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Kernels kernels;
    private final int threads;
    private final Providers providers;
    private final String description;
    private final boolean shared;

    private Engine(Builder b, boolean shared) {
        KernelChoice choice = KernelChoice.choose(b.kernels, b.threads);
        this.kernels = choice.kernels();
        this.threads = b.threads;
        this.providers = Providers.load(b.classLoader);
        this.description = choice.reason();
        this.shared = shared;
        LOG.info("jnn engine: {}", description);
    }

    /** The default engine, for code that names none; created on first use, never closed. */
    public static Engine shared() {
        return Shared.ENGINE;
    }

    // The holder idiom: created once, on first use, thread-safely, and immutable after.
    private static final class Shared {
        static final Engine ENGINE = new Engine(builder(), true);
    }

    /** A builder whose defaults are the {@code jnn.kernels} and {@code jnn.threads} properties, else auto and every core. */
    public static Builder builder() {
        return new Builder();
    }

    /** The kernels models built here compute with. */
    public Kernels kernels() {
        return kernels;
    }

    /** The threads a kernel call may use (the caller and the helpers). */
    public int threads() {
        return threads;
    }

    /** The layers, losses, optimizers, initializers, models and data sources this engine finds by name. */
    public Providers providers() {
        return providers;
    }

    /** Which kernels run and why, as logged when the engine was created. */
    public String description() {
        return description;
    }

    /**
     * What a model's layers are built with: this engine's kernels and providers and a random generator
     * seeded with {@code seed}, so that the same seed gives the same weights, bit for bit.
     */
    public BuildContext context(long seed) {
        return BuildContext.of(new SplittableRandom(seed), "", kernels, providers);
    }

    /** Stops this engine's helper threads and waits until they have ended. Does nothing for the shared engine. */
    @Override
    public void close() {
        if (!shared && kernels instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("engine: cannot stop the kernel threads: " + e.getMessage(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "Engine[" + description + "]";
    }

    /** Settings of an {@link Engine}. */
    public static final class Builder {
        private String kernels = System.getProperty("jnn.kernels", "auto").trim();
        private int threads = threadsProperty();
        private ClassLoader classLoader = Engine.class.getClassLoader();

        private Builder() {
        }

        /** {@code auto} (the Vector API when it pays here), {@code vector} (fail if it cannot run) or {@code scalar}. */
        public Builder kernels(String kernels) {
            this.kernels = kernels;
            return this;
        }

        /** The threads one kernel call may use; at least 1. Results are the same bits for any count. */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * Where providers are found: by default the class loader of jnn itself (the classpath); a host
         * with plugin jars passes a loader that sees them.
         */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = java.util.Objects.requireNonNull(classLoader, "engine: class loader");
            return this;
        }

        /**
         * @throws IllegalArgumentException for an unknown kernel setting, threads below 1, or vector
         *                                  kernels where they cannot run
         */
        public Engine build() {
            return new Engine(this, false);
        }

        private static int threadsProperty() {
            String setting = System.getProperty("jnn.threads");
            if (setting == null) {
                return Runtime.getRuntime().availableProcessors();
            }
            try {
                return Integer.parseInt(setting.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the system property jnn.threads must be a whole number, got '" + setting + "'");
            }
        }
    }
}
